/**
 * The summary command as a function from arguments and standard input to exit code and text, so
 * that tests can run it in-process; summary.ts connects it to the real process.
 */
import { detectAndImport, modelFromKerasArchive } from '@calc/import.ts';
import { summarize, type Summary } from '@calc/engine.ts';
import { renderJson, renderKeras2, renderKeras3, TextTooLong } from '@calc/render.ts';
import { diagnostic, type Model, type Result } from '@calc/basics.ts';
import { errorLine, usageErrorLine } from './error-line.ts';
import { parseOptions, USAGE, type OutputFormat } from './options.ts';
import { prettyJson } from './pretty-json.ts';
import { openArchive, readCapped, readFileCapped, type ByteChunks } from './read-input.ts';

const STDIN = '-';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

const done = (code: number, text: string, stream: 'stdout' | 'stderr'): CommandResult => {
  const line = text.endsWith('\n') ? text : `${text}\n`;
  return { code, stdout: stream === 'stdout' ? line : '', stderr: stream === 'stderr' ? line : '' };
};

/** `summary <file | -> [--format …]`: exit 0 with the summary, or 2 with one `error: …` line. */
export async function runSummary(argv: readonly string[], stdin: ByteChunks): Promise<CommandResult> {
  const options = parseOptions(argv);
  if (options.kind === 'help') return done(0, USAGE, 'stdout');
  if (options.kind === 'usage-error') return done(2, usageErrorLine(options.where, options.message), 'stderr');

  const fromStdin = options.file === STDIN;
  const source = fromStdin ? '<stdin>' : options.file;
  const model = fromStdin ? await readModel(await readCapped(stdin)) : await readModelFile(options.file);
  if (!model.ok) return done(2, errorLine(source, model.error), 'stderr');
  const summary = summarizeWithinStack(model.value);
  if (!summary) return done(2, errorLine(source, diagnostic('input-too-deep', {})), 'stderr');
  if (summary.error) return done(2, errorLine(source, summary.error), 'stderr');
  const text = renderWithin(summary, options.format);
  if (text === undefined) return done(2, errorLine(source, diagnostic('output-too-large', { max: MAX_OUTPUT_CHARS })), 'stderr');
  return done(0, text, 'stdout');
}

/** The model in bytes read (or refused) whole. */
async function readModel(bytes: Result<Uint8Array>, filename?: string): Promise<Result<Model>> {
  if (!bytes.ok) return bytes;
  const imported = detectAndImport(bytes.value, filename);
  return imported.ok ? { ok: true, value: imported.value.model } : imported;
}

/**
 * A `.keras` file is read where its directory and config.json are, whatever its weights weigh;
 * any other file whole, up to the input cap.
 */
async function readModelFile(path: string): Promise<Result<Model>> {
  const archive = openArchive(path);
  if (!archive) return readModel(await readFileCapped(path), path);
  try {
    return modelFromKerasArchive(archive.source);
  } finally {
    archive.close();
  }
}

/** The resolver walks nested models recursively; thousands of levels can exhaust the stack. */
function summarizeWithinStack(model: Model): Summary | undefined {
  try {
    return summarize(model);
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}

/** The most summary text the CLI writes: tf.keras wraps a name of megabytes onto millions of lines. */
export const MAX_OUTPUT_CHARS = 16 * 1024 * 1024;

/** The summary in `format`, or undefined when it would pass MAX_OUTPUT_CHARS. */
function renderWithin(summary: Summary, format: OutputFormat): string | undefined {
  try {
    if (format === 'json') return prettyJson(renderJson(summary));
    const options = { maxChars: MAX_OUTPUT_CHARS };
    return format === 'keras2' ? renderKeras2(summary, options) : renderKeras3(summary, options);
  } catch (e) {
    if (e instanceof TextTooLong) return undefined;
    throw e;
  }
}
