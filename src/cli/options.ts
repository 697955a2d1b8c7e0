/** The command line's grammar: `<file | -> [--format keras3 | keras2 | json]`, and nothing else. */

export const FORMATS = ['keras3', 'keras2', 'json'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export const USAGE = 'usage: npm run --silent summary -- <file | -> [--format keras3 | keras2 | json]';

export type Options =
  | { kind: 'run'; file: string; format: OutputFormat }
  | { kind: 'help' }
  | { kind: 'usage-error'; message: string };

const isFormat = (v: string): v is OutputFormat => (FORMATS as readonly string[]).includes(v);

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
      if (value === undefined) return { kind: 'usage-error', message: '--format needs a value: keras3, keras2 or json' };
      if (!isFormat(value)) return { kind: 'usage-error', message: `unknown --format "${value}" (expected keras3, keras2 or json)` };
      format = value;
      continue;
    }
    if (!optionsEnded && a.startsWith('-') && a !== '-') return { kind: 'usage-error', message: `unknown option "${a}"` };
    if (file !== undefined) return { kind: 'usage-error', message: `one model file at a time (got "${file}" and "${a}")` };
    file = a;
  }
  if (file === undefined) return { kind: 'usage-error', message: 'no model file given (use - to read standard input)' };
  return { kind: 'run', file, format };
}
