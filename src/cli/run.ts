/**
 * The summary command as a function from arguments and standard input to exit code and text, so
 * that tests can run it in-process; summary.ts connects it to the real process.
 */
import { detectAndImport } from '@calc/import.ts';
import { summarize, type Summary } from '@calc/engine.ts';
import { renderJson, renderKeras2, renderKeras3, TextTooLong } from '@calc/render.ts';
import { diagnostic, type Model } from '@calc/basics.ts';
import { errorLine, usageErrorLine } from './error-line.ts';
import { parseOptions, USAGE, type OutputFormat } from './options.ts';
import { prettyJson } from './pretty-json.ts';
import { readCapped, readFileCapped, type ByteChunks } from './read-input.ts';

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
  const bytes = fromStdin ? await readCapped(stdin) : await readFileCapped(options.file);
  if (!bytes.ok) return done(2, errorLine(source, bytes.error), 'stderr');
  const imported = detectAndImport(bytes.value, fromStdin ? undefined : options.file);
  if (!imported.ok) return done(2, errorLine(source, imported.error), 'stderr');
  const summary = summarizeWithinStack(imported.value.model);
  if (!summary) return done(2, errorLine(source, diagnostic('input-too-deep', {})), 'stderr');
  if (summary.error) return done(2, errorLine(source, summary.error), 'stderr');
  const text = renderWithin(summary, options.format);
  if (text === undefined) return done(2, errorLine(source, diagnostic('output-too-large', { max: MAX_OUTPUT_CHARS })), 'stderr');
  return done(0, text, 'stdout');
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
