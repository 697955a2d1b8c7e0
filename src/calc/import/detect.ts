/**
 * Whatever the user hands over — bytes of a file, or pasted text — is sniffed once here and sent
 * to the one importer that reads it. Anything else gets a single clear diagnostic, never an
 * exception: an empty file, a weights file, Python source, a summary printout, broken JSON.
 * The formats themselves: docs/model-files.md.
 */
import type { Model } from '../model.ts';
import { diagnostic, type DiagnosticCode, type ValuesOf } from '../diagnostics.ts';
import type { Diagnostic, Result } from '../types.ts';
import { isZip, modelFromKerasArchive } from './keras-archive.ts';
import { isJsonObject, kindOf, parseJsonText, type Json } from './json-text.ts';
import { detectDialect, modelFromKerasJson } from './keras-json.ts';
import { looksLikePrintout, readPrintout, type Printout } from './printout.ts';
import { readPython, type PythonModel } from './python/read-python.ts';
import { isTfjsModelJson, modelFromTfjs } from './tfjs.ts';

export type InputFormat = 'keras3-json' | 'keras2-json' | 'tfjs' | 'keras-archive' | 'python';

export interface Imported {
  /** The model to show: the only one, or for Python the one summary() was last called on (else the last built). */
  model: Model;
  format: InputFormat;
  /** Python that builds several models: each, named by its variable, `model` among them. */
  models?: PythonModel[];
  /** Why `model` stops short (Python the reader could not follow): the layers before it are there. */
  problem?: Diagnostic;
  /** What the Python reader could not follow elsewhere in the code, located. */
  notes?: Diagnostic[];
}

export interface ImportOptions {
  /** Which Keras runs Python code: Keras 3 (default) or tf.keras 2, whose names and defaults differ. */
  pythonDialect?: 'keras3' | 'tf.keras';
}

/** What a user handed over: a model (or the models a script builds), or a pasted summary printout. */
export type ReadInput = { kind: 'model'; imported: Imported } | { kind: 'printout'; printout: Printout };

/**
 * Detect what `input` is and read it: a model file, Python code, or a `model.summary()` printout
 * (whose rows printout-summary.ts explains). A `.py` file is Python even if it quotes a printout.
 */
export function readInput(input: Uint8Array | string, filename?: string, options: ImportOptions = {}): Result<ReadInput> {
  const text = typeof input === 'string' ? input : isZip(input) || binaryKind(input) ? undefined : decodeText(input);
  if (text !== undefined && !filename?.endsWith('.py') && !/^\s*[{[]/.test(text) && looksLikePrintout(text)) {
    const printout = readPrintout(text.replace(/^\uFEFF/, ''));
    return printout.ok ? { ok: true, value: { kind: 'printout', printout: printout.value } } : printout;
  }
  const imported = detectAndImport(input, filename, options);
  return imported.ok ? { ok: true, value: { kind: 'model', imported: imported.value } } : imported;
}

/** Detect what `input` is and read the model it describes (a printout is not a model: see readInput). */
export function detectAndImport(input: Uint8Array | string, filename?: string, options: ImportOptions = {}): Result<Imported> {
  try {
    return importAny(input, filename, options);
  } catch (e) {
    // A bug in an importer must not take the caller down with it.
    if (e instanceof RangeError) return failWith('input-nested-too-deep', {});
    throw e;
  }
}

function importAny(input: Uint8Array | string, filename: string | undefined, options: ImportOptions): Result<Imported> {
  if (typeof input !== 'string') {
    if (input.length === 0) return failWith('file-empty', {});
    if (isZip(input)) {
      const model = modelFromKerasArchive(input);
      return model.ok ? { ok: true, value: { model: model.value, format: 'keras-archive' } } : model;
    }
    const binary = binaryKind(input);
    if (binary) return failWith(binary, {});
    const text = decodeText(input);
    if (text === undefined) return failWith('file-not-text', {});
    return importText(text, filename, options);
  }
  return importText(input.replace(/^\uFEFF/, ''), filename, options);
}

function importText(text: string, filename: string | undefined, options: ImportOptions): Result<Imported> {
  if (text.trim() === '') return failWith(text.length === 0 ? 'file-empty' : 'file-only-whitespace', {});
  if (pythonLine(text, filename)) return importPython(text, options);
  // A summary printout is text, not JSON: only text that does not open like JSON is searched for one.
  const opensLikeJson = /^\s*[{[]/.test(text);
  const summaryLine = opensLikeJson ? -1 : text.split('\n').findIndex((l) => /^\s*Total params:/.test(l));
  if (summaryLine !== -1) {
    return { ok: false, error: diagnostic('file-summary-printout', {}, { line: summaryLine + 1, column: 1 }) };
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  return importJson(parsed.value);
}

/** Python source: the models it builds, the main one first in line for a single answer. */
function importPython(text: string, options: ImportOptions): Result<Imported> {
  const read = readPython(text, { dialect: options.pythonDialect ?? 'keras3' });
  if (!read.ok) return read;
  const { models, main, notes } = read.value;
  const shown = models[main]!;
  const imported: Imported = { model: shown.model, format: 'python', models, notes };
  if (shown.problem) imported.problem = shown.problem;
  return { ok: true, value: imported };
}

function importJson(json: Json): Result<Imported> {
  if (!isJsonObject(json)) return failWith('json-not-model-object', { found: kindOf(json) });
  if (isTfjsModelJson(json)) {
    const model = modelFromTfjs(json);
    return model.ok ? { ok: true, value: { model: model.value, format: 'tfjs' } } : model;
  }
  if (!('class_name' in json) && !Array.isArray(json['layers'])) {
    if ('weightsManifest' in json) return failAt('weightsManifest', 'tfjs-weights-only', {});
    return failWith('json-no-class-name', { keys: Object.keys(json).slice(0, 5) });
  }
  const version = json['keras_version'];
  if (typeof version === 'string' && /^1\./.test(version)) {
    return failAt('keras_version', 'keras-1-unsupported', { version });
  }
  const dialect = detectDialect(json);
  const model = modelFromKerasJson(json, dialect);
  if (!model.ok) return model;
  const format: InputFormat = dialect === 'tfjs' ? 'tfjs' : dialect === 'keras3' ? 'keras3-json' : 'keras2-json';
  return { ok: true, value: { model: model.value, format } };
}

/** The binary files people mistake for a model description, by their magic bytes. */
function binaryKind(b: Uint8Array): 'file-hdf5' | 'file-gzip' | 'file-numpy' | undefined {
  const starts = (...sig: number[]): boolean => sig.every((x, i) => b[i] === x);
  if (starts(0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a)) {
    return 'file-hdf5';
  }
  if (starts(0x1f, 0x8b)) return 'file-gzip';
  if (starts(0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59)) return 'file-numpy';
  return undefined;
}

/** UTF-8, or UTF-16 when a byte-order mark says so (PowerShell's `>` writes UTF-16). */
function decodeText(b: Uint8Array): string | undefined {
  let encoding = 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) encoding = 'utf-16le';
  else if (b[0] === 0xfe && b[1] === 0xff) encoding = 'utf-16be';
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(b);
    // Text files do not contain NUL; binary data decoded by luck does.
    return text.includes('\u0000') ? undefined : text.replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

const PYTHON_STATEMENT =
  /^\s*(import\s+[\w.]+|from\s+[\w.]+\s+import\b|def\s+\w+\s*\(|class\s+\w+\s*[(:]|@\w+|[A-Za-z_]\w*\s*=\s*(keras|tf|layers|models|Sequential|Model|Input)\b)/;

/** The 1-based line of the first Python statement, when the text reads as Python rather than JSON. */
function pythonLine(text: string, filename: string | undefined): number | undefined {
  if (/^\s*[{[]/.test(text)) return undefined;
  const lines = text.split('\n');
  const hit = lines.findIndex((l) => PYTHON_STATEMENT.test(l));
  if (hit !== -1) return hit + 1;
  if (filename?.endsWith('.py')) {
    const first = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
    return first === -1 ? 1 : first + 1;
  }
  return undefined;
}

function failWith<C extends DiagnosticCode>(code: C, values: ValuesOf<C>): Result<never> {
  return { ok: false, error: diagnostic(code, values) };
}

function failAt<C extends DiagnosticCode>(path: string, code: C, values: ValuesOf<C>): Result<never> {
  return { ok: false, error: diagnostic(code, values, { path }) };
}
