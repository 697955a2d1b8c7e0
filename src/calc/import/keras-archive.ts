/**
 * `.keras` archive → Model. The archive is a ZIP whose `config.json` is the model's JSON and whose
 * `metadata.json` says which Keras saved it; the weights file beside them is never unpacked.
 * Entries are chosen by name from the central directory before anything is inflated.
 */
import type { Model } from '../model.ts';
import { diagnostic } from '../diagnostics.ts';
import type { Result } from '../types.ts';
import { isJsonObject, kindOf, parseJsonText } from './json-text.ts';
import { detectDialect, modelFromKerasJson } from './keras-json.ts';
import { memorySource, unpackEntry, zipEntries, type ByteSource, type ZipEntry } from './zip-reader.ts';

/** A config.json larger than this is not a model description (the CLI's input cap, too). */
export const MAX_CONFIG_BYTES = 64 * 1024 * 1024;
/** metadata.json is a few lines; it only tells which Keras saved the file. */
const MAX_METADATA_BYTES = 1024 * 1024;

/** ZIP files start with a local file header (`PK\3\4`), or an end record when empty (`PK\5\6`). */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))
  );
}

/**
 * Read the model described by a `.keras` archive's config.json, from its bytes or from a source
 * that reads a file only where asked (the weights beside config.json may be gigabytes).
 */
export function modelFromKerasArchive(archive: Uint8Array | ByteSource): Result<Model> {
  const bytes = archive instanceof Uint8Array ? memorySource(archive) : archive;
  const entries = zipEntries(bytes);
  if (!entries.ok) return entries;
  const config = pickEntry(entries.value, 'config.json');
  if (!config) {
    const nested = entries.value.filter((e) => baseName(e.name) === 'config.json');
    const listed = nested.length > 1 ? nested : entries.value;
    const values = { names: listed.slice(0, 5).map((e) => e.name), more: listed.length > 5 };
    return { ok: false, error: diagnostic(nested.length > 1 ? 'archive-config-ambiguous' : 'archive-no-config', values) };
  }
  const at = { path: config.name };
  const unpacked = unpackEntry(bytes, config, MAX_CONFIG_BYTES);
  if (!unpacked.ok) return unpacked;
  const text = utf8(unpacked.value);
  if (text === undefined) return { ok: false, error: diagnostic('archive-config-not-utf8', {}, at) };
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, error: { ...json.error, path: config.name } };
  if (!isJsonObject(json.value)) return { ok: false, error: diagnostic('archive-config-not-object', { got: kindOf(json.value) }, at) };
  const version = kerasVersion(bytes, entries.value);
  const dialect = detectDialect(version && !('keras_version' in json.value) ? { ...json.value, keras_version: version } : json.value);
  const model = modelFromKerasJson(json.value, dialect);
  if (model.ok) return model;
  return { ok: false, error: { ...model.error, path: model.error.path ? `${config.name} › ${model.error.path}` : config.name } };
}

/** Keras writes `config.json` at the root; a hand-made zip of a folder puts it one level down. */
function pickEntry(entries: readonly ZipEntry[], wanted: string): ZipEntry | undefined {
  const root = entries.find((e) => e.name === wanted);
  if (root) return root;
  const nested = entries.filter((e) => baseName(e.name) === wanted);
  return nested.length === 1 ? nested[0] : undefined;
}

/** The Keras version metadata.json records; a missing or broken one is only a missing hint. */
function kerasVersion(bytes: ByteSource, entries: readonly ZipEntry[]): string | undefined {
  const entry = pickEntry(entries, 'metadata.json');
  const unpacked = entry && unpackEntry(bytes, entry, MAX_METADATA_BYTES);
  const text = unpacked?.ok ? utf8(unpacked.value) : undefined;
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
