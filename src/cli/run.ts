/**
 * The summary command as a function from arguments and standard input to exit code and text, so
 * that tests can run it in-process; summary.ts connects it to the real process.
 */
import { modelFromKerasArchive, readInput, type ImportOptions, type Printout } from '@calc/import.ts';

import { summarize, summaryFromPrintout, type Summary } from '@calc/engine.ts';
import { renderJson, renderKeras2, renderKeras3, TextTooLong } from '@calc/render.ts';
import { diagnostic, type Diagnostic, type Model, type Result } from '@calc/basics.ts';
import { errorLine, usageErrorLine, warningLine } from './error-line.ts';
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
  // Python code runs as Keras 3 unless tf.keras 2's summary is asked for: names and defaults follow it
  const importOptions: ImportOptions = { pythonDialect: options.format === 'keras2' ? 'tf.keras' : 'keras3' };
  const read = fromStdin
    ? await readModels(await readCapped(stdin), undefined, importOptions)
    : await readModelFile(options.file, importOptions);
  if (!read.ok) return done(2, errorLine(source, read.error), 'stderr');
  const summaries: Printed[] = [];
  const warnings: Diagnostic[] = [];
  if ('printout' in read.value) {
    // a pasted printout: its own rows, each explained; what does not add up is said on stderr
    const { printout } = read.value;
    const own = printout.rows.filter((r) => r.depth === 0);
    const { summary } = summaryFromPrintout({ modelName: printout.modelName, rows: own, totals: printout.totals });
    if (summary.error) return done(2, errorLine(source, summary.error), 'stderr');
    summaries.push({ summary });
    // Keras itself cuts long cells with …: that is how the printout reads, not a problem to report
    warnings.push(...printout.warnings.filter((w) => w.code !== 'printout-cell-cut'));
  } else {
    for (const model of read.value.models) {
      if (model.problem) return done(2, errorLine(source, model.problem), 'stderr');
      const summary = summarizeWithinStack(model.model);
      if (!summary) return done(2, errorLine(source, diagnostic('input-too-deep', {})), 'stderr');
      if (summary.error) return done(2, errorLine(source, summary.error), 'stderr');
      summaries.push(model.summaryOptions ? { summary, options: model.summaryOptions } : { summary });
    }
  }
  const text = renderWithin(summaries, options.format);
  if (text === undefined) return done(2, errorLine(source, diagnostic('output-too-large', { max: MAX_OUTPUT_CHARS })), 'stderr');
  const result = done(0, text, 'stdout');
  if (warnings.length > 0) result.stderr = warnings.map((w) => `${warningLine(source, w)}\n`).join('');
  return result;
}

/** A summary to print, and how a script's `summary()` call asked for it (Keras 3 text only). */
interface Printed {
  summary: Summary;
  options?: { lineLength?: number; expandNested?: boolean; showTrainable?: boolean };
}

/** What a file holds: one model, each model a Python script builds (with what stopped it short), or a printout. */
type ReadModels = Result<
  { models: { model: Model; problem?: Diagnostic; summaryOptions?: Printed['options'] }[] } | { printout: Printout }
>;

/** The models in bytes read (or refused) whole. */
async function readModels(bytes: Result<Uint8Array>, filename: string | undefined, options: ImportOptions): Promise<ReadModels> {
  if (!bytes.ok) return bytes;
  const input = readInput(bytes.value, filename, options);
  if (!input.ok) return input;
  if (input.value.kind === 'printout') return { ok: true, value: { printout: input.value.printout } };
  const { model, problem, models } = input.value.imported;
  return { ok: true, value: { models: models ?? [problem ? { model, problem } : { model }] } };
}

/**
 * A `.keras` file is read where its directory and config.json are, whatever its weights weigh;
 * any other file whole, up to the input cap.
 */
async function readModelFile(path: string, options: ImportOptions): Promise<ReadModels> {
  const archive = openArchive(path);
  if (!archive) return readModels(await readFileCapped(path), path, options);
  try {
    const model = modelFromKerasArchive(archive.source);
    return model.ok ? { ok: true, value: { models: [{ model: model.value }] } } : model;
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

/**
 * The summaries in `format` (several models: one text after another as Keras prints them, or a
 * JSON list), or undefined when they would pass MAX_OUTPUT_CHARS.
 */
function renderWithin(summaries: Printed[], format: OutputFormat): string | undefined {
  try {
    if (format === 'json') {
      const json = summaries.map((p) => renderJson(p.summary));
      return prettyJson(json.length === 1 ? json[0]! : json);
    }
    const texts = summaries.map(({ summary, options }) =>
      format === 'keras2'
        ? renderKeras2(summary, { maxChars: MAX_OUTPUT_CHARS })
        : renderKeras3(summary, { ...options, maxChars: MAX_OUTPUT_CHARS }),
    );
    const text = texts.join('\n');
    if (text.length > MAX_OUTPUT_CHARS) throw new TextTooLong(MAX_OUTPUT_CHARS);
    return text;
  } catch (e) {
    if (e instanceof TextTooLong) return undefined;
    throw e;
  }
}
