/**
 * `.keras` archive → Model. The archive is a ZIP whose `config.json` is the model's JSON and whose
 * `metadata.json` says which Keras saved it; the weights file beside them is never unpacked.
 */
import { unzipSync } from 'fflate';
import type { Model } from '../model.ts';
import type { Result } from '../types.ts';
import { isJsonObject, kindOf, parseJsonText } from './json-text.ts';
import { detectDialect, modelFromKerasJson } from './keras-json.ts';


/** A config.json this large is not a model description; refuse before inflating it. */
const MAX_CONFIG_BYTES = 256 * 1024 * 1024;

/** ZIP files start with a local file header (`PK\3\4`), or an end record when empty (`PK\5\6`). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/** Read the model described by a `.keras` archive's config.json. */
export function modelFromKerasArchive(bytes: Uint8Array): Result<Model> {
  const entries = readEntries(bytes);
  if (!entries.ok) return entries;
  const { files, names } = entries.value;
  const configName = pickEntry(names, 'config.json');
  if (!configName) {
    const listed = names.length ? `it holds ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}` : 'it is empty';
    return failAt(undefined, `this ZIP archive has no config.json, so it is not a .keras model file (${listed})`);
  }
  const text = utf8(files[configName]!);
  if (text === undefined) return failAt(configName, 'config.json is not UTF-8 text');
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, error: { ...json.error, path: configName } };
  if (!isJsonObject(json.value)) return failAt(configName, `expected the model's JSON object, found ${kindOf(json.value)}`);
  const version = kerasVersion(files, names);
  const dialect = detectDialect(version && !('keras_version' in json.value) ? { ...json.value, keras_version: version } : json.value);
  const model = modelFromKerasJson(json.value, dialect);
  if (model.ok) return model;
  return { ok: false, error: { ...model.error, path: model.error.path ? `${configName} › ${model.error.path}` : configName } };
}

/** Unpack only the two small JSON entries, listing every name for messages. */
function readEntries(bytes: Uint8Array): Result<{ files: Record<string, Uint8Array>; names: string[] }> {
  const names: string[] = [];
  let tooLarge: string | undefined;
  try {
    const files = unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        const wanted = baseName(file.name) === 'config.json' || baseName(file.name) === 'metadata.json';
        if (wanted && file.originalSize > MAX_CONFIG_BYTES) tooLarge = file.name;
        return wanted && file.originalSize <= MAX_CONFIG_BYTES;
      },
    });
    if (tooLarge) return failAt(tooLarge, `${tooLarge} unpacks to more than ${MAX_CONFIG_BYTES / 1024 / 1024} MB, far more than any model description`);
    return { ok: true, value: { files, names } };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return failAt(undefined, `this ZIP archive cannot be read (${reason})`);
  }
}

/** Keras writes `config.json` at the root; a hand-made zip of a folder puts it one level down. */
function pickEntry(names: string[], wanted: string): string | undefined {
  if (names.includes(wanted)) return wanted;
  const nested = names.filter((n) => baseName(n) === wanted);
  return nested.length === 1 ? nested[0] : undefined;
}

function kerasVersion(files: Record<string, Uint8Array>, names: string[]): string | undefined {
  const name = pickEntry(names, 'metadata.json');
  const text = name ? utf8(files[name]!) : undefined;
  const meta = text === undefined ? undefined : parseJsonText(text);
  if (!meta?.ok || !isJsonObject(meta.value)) return undefined;
  const v = meta.value['keras_version'];
  return typeof v === 'string' ? v : undefined;
}

const baseName = (name: string): string => name.slice(name.lastIndexOf('/') + 1);

function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

function failAt(path: string | undefined, message: string): Result<never> {
  return { ok: false, error: path ? { path, message } : { message } };
}
