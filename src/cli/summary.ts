/**
 * `npm run --silent summary -- <file | -> [--format keras3 | keras2 | json]`: read a model file
 * (or standard input, at most 64 MiB), print its summary. Exit 0 on success, 2 with one
 * `error: …` line for bad input or usage, 1 with `error: internal: …` for a bug. The command
 * itself is run.ts; the work happens in src/calc.
 */
import { runSummary } from './run.ts';

// A reader that stops early (`| head`) closes the pipe; that is not an error worth a trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') process.stderr.write(`error: internal: cannot write the summary (${e.message})\n`);
  process.exit(e.code === 'EPIPE' ? 0 : 1);
});

// Standard input is touched only when the command reads it (`-`); leaving early destroys it.
const stdin = { [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]() };

runSummary(process.argv.slice(2), stdin).then(
  (result) => {
    if (result.stdout) process.stdout.write(result.stdout);
    if (result.stderr) process.stderr.write(result.stderr);
    process.exitCode = result.code;
  },
  (e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`error: internal: ${message.split('\n')[0]}\n`);
    process.exitCode = 1;
  },
);
