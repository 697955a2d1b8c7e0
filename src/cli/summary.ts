/**
 * `npm run --silent summary -- <file | -> [--format keras3 | keras2 | json]`: read a model file
 * (or standard input), print its summary. Exit 0 on success, 2 with one `error: …` line for bad
 * input or usage, 1 with `error: internal: …` for a bug. The work itself happens in src/calc.
 */
import { readFile } from 'node:fs/promises';
import { detectAndImport } from '../calc/import/detect.ts';
import { summarize, type Summary } from '../calc/summarize.ts';
import { renderJson } from '../calc/summary-json.ts';
import { renderKeras2 } from '../calc/summary-keras2.ts';
import { renderKeras3 } from '../calc/summary-keras3.ts';
import type { Model } from '../calc/model.ts';
import type { Diagnostic, Result } from '../calc/types.ts';
import { errorLine } from './error-line.ts';
import { parseOptions, USAGE, type OutputFormat } from './options.ts';
import { prettyJson } from './pretty-json.ts';

const STDIN = '-';

async function main(argv: readonly string[]): Promise<number> {
  const options = parseOptions(argv);
  if (options.kind === 'help') return print(process.stdout, USAGE, 0);
  if (options.kind === 'usage-error') return print(process.stderr, `error: ${options.message}\n${USAGE}`, 2);

  const source = options.file === STDIN ? '<stdin>' : options.file;
  const bytes = await readInput(options.file);
  if (!bytes.ok) return print(process.stderr, errorLine(source, bytes.error), 2);
  const imported = detectAndImport(bytes.value, options.file === STDIN ? undefined : options.file);
  if (!imported.ok) return print(process.stderr, errorLine(source, imported.error), 2);
  const summary = summarizeWithinStack(imported.value.model);
  if (!summary) return print(process.stderr, errorLine(source, { message: TOO_DEEP }), 2);
  if (summary.error) return print(process.stderr, errorLine(source, summary.error), 2);
  return print(process.stdout, render(summary, options.format), 0);
}

const TOO_DEEP = "the model's graph is too deep to follow (thousands of layers in one chain)";

/** The resolver walks the graph recursively; a chain of thousands of layers can exhaust the stack. */
function summarizeWithinStack(model: Model): Summary | undefined {
  try {
    return summarize(model);
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}

function render(summary: Summary, format: OutputFormat): string {
  if (format === 'json') return prettyJson(renderJson(summary));
  return format === 'keras2' ? renderKeras2(summary) : renderKeras3(summary);
}

/** The whole file or standard input as bytes; an unreadable file is the user's problem, not a bug. */
async function readInput(file: string): Promise<Result<Uint8Array>> {
  if (file === STDIN) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return { ok: true, value: new Uint8Array(Buffer.concat(chunks)) };
  }
  try {
    return { ok: true, value: new Uint8Array(await readFile(file)) };
  } catch (e) {
    return { ok: false, error: readProblem(e) };
  }
}

const READ_PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'this is a directory, not a model file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of this path is not a directory',
  ENAMETOOLONG: 'the file name is too long',
};

function readProblem(e: unknown): Diagnostic {
  const code = (e as { code?: unknown } | null)?.code;
  const known = typeof code === 'string' ? READ_PROBLEMS[code] : undefined;
  return { message: known ?? `cannot read the file (${e instanceof Error ? e.message : String(e)})` };
}

function print(stream: NodeJS.WriteStream, text: string, code: number): number {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
  return code;
}

// A reader that stops early (`| head`) closes the pipe; that is not an error worth a trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') process.stderr.write(`error: internal: cannot write the summary (${e.message})\n`);
  process.exit(e.code === 'EPIPE' ? 0 : 1);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`error: internal: ${message.split('\n')[0]}\n`);
    process.exitCode = 1;
  },
);
