/**
 * What the lab is working on, in a form that survives a reload and travels in a link: the built
 * model (LabState), or the code or printout the reader pasted. The link form is versioned and
 * compact: `#lab=1.<base64url of deflate-raw JSON>`; a link written by a later version, or one that
 * does not decode, is refused with the reason and the lab opens empty. Everything decoded is
 * checked field by field: a link is typed by strangers.
 */
import type { LabInput, LabLayer, LabState } from './lab-state.ts';

export type LabDocument =
  | { kind: 'build'; state: LabState }
  /** Keras Python code or a printout, pasted: the text is the model. */
  | { kind: 'text'; text: string; filename?: string };

/** The link format this code writes and reads. */
export const SHARE_VERSION = 1;
/** The hash key. */
export const SHARE_KEY = 'lab';
/** Links longer than this are not written (browsers and chat apps cut them); the page says so. */
export const MAX_LINK_CHARS = 60_000;
/** Decoded JSON larger than this is refused before parsing. */
const MAX_JSON_CHARS = 2_000_000;
const MAX_LAYERS = 10_000;

export type DecodeProblem = { problem: 'future'; version: string } | { problem: 'malformed'; detail: string } | { problem: 'too-large' };

const toBase64Url = (bytes: Uint8Array): string => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const fromBase64Url = (text: string): Uint8Array => {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
};

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new RangeError('too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The document as plain JSON: short keys, ids implied by position. */
export function toJson(doc: LabDocument): unknown {
  if (doc.kind === 'text') return { t: doc.text, ...(doc.filename ? { f: doc.filename } : {}) };
  const { state } = doc;
  const position = new Map<number, number>();
  state.inputs.forEach((input, i) => position.set(input.id, i));
  state.layers.forEach((layer, i) => position.set(layer.id, state.inputs.length + i));
  return {
    ...(state.name ? { n: state.name } : {}),
    ...(state.functional ? { g: 1 } : {}),
    i: state.inputs.map((input) => (input.name ? [input.shape, input.name] : [input.shape])),
    l: state.layers.map((layer) => {
      const entry: Record<string, unknown> = { t: layer.type, a: layer.fields, f: layer.from.map((id) => position.get(id) ?? -1) };
      if (layer.name) entry.n = layer.name;
      if (layer.frozen) entry.z = 1;
      if (layer.extra) entry.x = layer.extra;
      return entry;
    }),
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown, max = 10_000): v is string => typeof v === 'string' && v.length <= max;

/** The document a JSON value describes, or what is wrong with it. */
export function fromJson(json: unknown): { ok: true; doc: LabDocument } | { ok: false; detail: string } {
  const bad = (detail: string) => ({ ok: false as const, detail });
  if (!isRecord(json)) return bad('not an object');
  if ('t' in json) {
    if (!isString(json.t, 1_100_000)) return bad('text');
    if (json.f !== undefined && !isString(json.f, 300)) return bad('file name');
    return { ok: true, doc: { kind: 'text', text: json.t, ...(typeof json.f === 'string' ? { filename: json.f } : {}) } };
  }
  if (!Array.isArray(json.i) || json.i.length === 0 || json.i.length > 64) return bad('inputs');
  if (!Array.isArray(json.l) || json.l.length > MAX_LAYERS) return bad('layers');
  if (json.n !== undefined && !isString(json.n, 300)) return bad('model name');
  const inputs: LabInput[] = [];
  for (const [id, entry] of json.i.entries()) {
    if (!Array.isArray(entry) || !isString(entry[0], 200) || (entry[1] !== undefined && !isString(entry[1], 300)))
      return bad(`input ${id + 1}`);
    inputs.push({ id, shape: entry[0], ...(entry[1] !== undefined ? { name: entry[1] as string } : {}) });
  }
  const layers: LabLayer[] = [];
  for (const [i, entry] of json.l.entries()) {
    const id = inputs.length + i;
    const where = `layer ${i + 1}`;
    if (!isRecord(entry) || !isString(entry.t, 100) || !/^[A-Za-z_][\w.>]*$/.test(entry.t)) return bad(where);
    if (!isRecord(entry.a) || !Object.values(entry.a).every((v) => isString(v, 400))) return bad(`${where}: arguments`);
    if (!Array.isArray(entry.f) || !entry.f.every((f) => Number.isInteger(f) && f >= 0 && f < id)) return bad(`${where}: inputs`);
    if (entry.n !== undefined && !isString(entry.n, 300)) return bad(`${where}: name`);
    if (entry.x !== undefined && !isRecord(entry.x)) return bad(`${where}: arguments`);
    layers.push({
      id,
      type: entry.t,
      fields: Object.fromEntries(Object.entries(entry.a).filter(([k]) => k !== '__proto__')) as Record<string, string>,
      from: entry.f as number[],
      ...(entry.n !== undefined ? { name: entry.n as string } : {}),
      ...(entry.z ? { frozen: true } : {}),
      ...(entry.x !== undefined ? { extra: entry.x as Record<string, unknown> } : {}),
    });
  }
  return {
    ok: true,
    doc: {
      kind: 'build',
      state: {
        inputs,
        layers,
        nextId: inputs.length + layers.length,
        ...(json.n ? { name: json.n as string } : {}),
        ...(json.g ? { functional: true } : {}),
      },
    },
  };
}

/** `1.<payload>`: the document compressed for a link. */
export async function encodeDocument(doc: LabDocument): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(toJson(doc)));
  const packed = await pipe(json, new CompressionStream('deflate-raw'), Number.POSITIVE_INFINITY);
  return `${SHARE_VERSION}.${toBase64Url(packed)}`;
}

/** The document a link's value holds, or why it cannot be opened. */
export async function decodeDocument(value: string): Promise<{ ok: true; doc: LabDocument } | ({ ok: false } & DecodeProblem)> {
  const dot = value.indexOf('.');
  const version = dot < 0 ? '' : value.slice(0, dot);
  if (!/^\d{1,6}$/.test(version)) return { ok: false, problem: 'malformed', detail: 'no version' };
  if (Number(version) > SHARE_VERSION) return { ok: false, problem: 'future', version };
  if (Number(version) !== SHARE_VERSION) return { ok: false, problem: 'malformed', detail: `version ${version}` };
  const payload = value.slice(dot + 1);
  if (payload.length > MAX_LINK_CHARS * 2) return { ok: false, problem: 'too-large' };
  if (!/^[A-Za-z0-9_-]*$/.test(payload)) return { ok: false, problem: 'malformed', detail: 'characters' };
  let text: string;
  try {
    const bytes = await pipe(fromBase64Url(payload), new DecompressionStream('deflate-raw'), MAX_JSON_CHARS);
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    if (e instanceof RangeError) return { ok: false, problem: 'too-large' };
    return { ok: false, problem: 'malformed', detail: 'compression' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'malformed', detail: 'JSON' };
  }
  const doc = fromJson(json);
  return doc.ok ? doc : { ok: false, problem: 'malformed', detail: doc.detail };
}
