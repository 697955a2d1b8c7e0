/** The command line's grammar: `<file | -> [--format keras3 | keras2 | json]`, and nothing else. */

export const FORMATS = ['keras3', 'keras2', 'json'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export const USAGE = 'usage: npm run --silent summary -- <file | -> [--format keras3 | keras2 | json]';

export type Options =
  | { kind: 'run'; file: string; format: OutputFormat }
  | { kind: 'help' }
  /** `where` is the argument at fault (or `arguments` when one is missing). */
  | { kind: 'usage-error'; where: string; message: string };

const isFormat = (v: string): v is OutputFormat => (FORMATS as readonly string[]).includes(v);
const usageError = (where: string, message: string): Options => ({ kind: 'usage-error', where, message });

/** Read the arguments after the script name; `-` is standard input, `--` ends the options. */
export function parseOptions(argv: readonly string[]): Options {
  let file: string | undefined;
  let format: OutputFormat = 'keras3';
  let optionsEnded = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!optionsEnded && a === '--') {
      optionsEnded = true;
      continue;
    }
    if (!optionsEnded && (a === '-h' || a === '--help')) return { kind: 'help' };
    if (!optionsEnded && (a === '--format' || a.startsWith('--format='))) {
      const value = a === '--format' ? argv[++i] : a.slice('--format='.length);
      if (value === undefined) return usageError('--format', 'needs a value: keras3, keras2 or json');
      if (!isFormat(value)) return usageError('--format', `unknown format "${value}" (expected keras3, keras2 or json)`);
      format = value;
      continue;
    }
    if (!optionsEnded && a.startsWith('-') && a !== '-') return usageError(a, 'unknown option (--help shows the usage)');
    if (file !== undefined) return usageError(a, `one model file at a time (already given "${file}")`);
    file = a;
  }
  if (file === undefined) return usageError('arguments', `no model file given (use - to read standard input); ${USAGE}`);
  return { kind: 'run', file, format };
}
