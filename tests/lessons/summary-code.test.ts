/**
 * Every printed summary is what the code above it prints (issue 7): in every page of both locales,
 * a `<SummaryText of={facts.x} />` (or a `<SummaryExplorer>`, which prints the same text under its
 * rows) follows — as the nearest Python on the page — a
 * `<ModelCode of={facts.x} />` of the same fact with the same `summary()` arguments; no hand-written
 * ```python block calls `.summary(`; and the model name in the summary's title is the one that
 * code gives, read from the code by the rules of docs/naming.md (a `name="…"`, or Keras's own).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pythonCode, renderKeras2, renderKeras3 } from '@calc/render.ts';
import { resolveModelFact } from '@lessons/facts.ts';
import type { ModelFact } from '@lessons/types.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Every page: the home page and the lessons, in both locales. */
function pages(dir = 'content/docs'): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return pages(path);
    return e.name.endsWith('.mdx') ? [path] : [];
  });
}

/** What a page shows, in order: hand-written Python blocks, generated code, printed summaries. */
/** Components that print a model's summary: the text itself, or the explorer with the text under it. */
type Printer = 'SummaryText' | 'SummaryExplorer';
type Tag = { kind: 'ModelCode' | Printer; line: number; attrs: Record<string, string | true> };
const prints = (kind: Item['kind']): kind is Printer => kind === 'SummaryText' || kind === 'SummaryExplorer';
type Item = { kind: 'python'; line: number; text: string } | Tag;

/** `of={facts.mlp} showTrainable lineLength={108} format="keras3"` → { of: 'facts.mlp', showTrainable: true, … }. */
function attributes(text: string): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (const m of text.matchAll(/([A-Za-z]+)(?:=(?:"([^"]*)"|\{([^}]*)\}))?/g)) out[m[1]!] = m[2] ?? m[3]?.trim() ?? true;
  return out;
}

/** The items of an MDX source: fenced blocks are read as code; tags only outside them. */
function items(source: string): Item[] {
  const out: Item[] = [];
  const lines = source.split('\n');
  let prose: { line: number; text: string }[] = [];
  const flush = (): void => {
    const text = prose.map((p) => p.text).join('\n');
    for (const m of text.matchAll(/<(ModelCode|SummaryText|SummaryExplorer)\b([\s\S]*?)\/>/g)) {
      const line = prose[0]!.line + text.slice(0, m.index).split('\n').length - 1;
      out.push({ kind: m[1] as Tag['kind'], line, attrs: attributes(m[2]!) });
    }
    prose = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*(`{3,}|~{3,})(\S*)/.exec(lines[i]!);
    if (!open) {
      prose.push({ line: i + 1, text: lines[i]! });
      continue;
    }
    flush();
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !(lines[i]!.trim().startsWith(open[1]!) && lines[i]!.trim().replace(/[`~]/g, '') === ''); i++) {
      body.push(lines[i]!);
    }
    if (/^(python|py)$/i.test(open[2]!)) out.push({ kind: 'python', line: start + 1, text: body.join('\n') });
  }
  flush();
  return out;
}

/** The `summary()` arguments a tag asks for, compared between the code and the printout. */
const summaryArgs = (attrs: Record<string, string | true>): string =>
  JSON.stringify({
    lineLength: attrs['lineLength'] ?? null,
    showTrainable: attrs['showTrainable'] === true || attrs['showTrainable'] === 'true',
    expandNested: attrs['expandNested'] === true || attrs['expandNested'] === 'true',
  });

/** Where a page breaks the rule, as `file:line: what`. */
function problems(file: string, source: string): string[] {
  const found: string[] = [];
  const seen = items(source);
  seen.forEach((item, k) => {
    if (item.kind === 'python' && /\.summary\(/.test(item.text)) {
      found.push(`${file}:${item.line}: a hand-written Python block calls .summary(); write <ModelCode of={facts.…} summary /> instead`);
    }
    if (item.kind === 'python' || item.kind === 'ModelCode') return;
    const code = seen
      .slice(0, k)
      .reverse()
      .find((p) => !prints(p.kind));
    if (!code) {
      found.push(`${file}:${item.line}: <${item.kind} of={${String(item.attrs['of'])}}> has no code before it`);
    } else if (code.kind === 'python') {
      found.push(
        `${file}:${item.line}: <${item.kind} of={${String(item.attrs['of'])}}> follows hand-written Python (line ${code.line}), not <ModelCode>`,
      );
    } else if (code.kind === 'ModelCode') {
      if (code.attrs['of'] !== item.attrs['of']) {
        found.push(
          `${file}:${item.line}: <${item.kind} of={${String(item.attrs['of'])}}> follows the code of ${String(code.attrs['of'])} (line ${code.line})`,
        );
      } else if (summaryArgs(code.attrs) !== summaryArgs(item.attrs)) {
        found.push(
          `${file}:${item.line}: summary() arguments differ from the code's (line ${code.line}): ${summaryArgs(item.attrs)} vs ${summaryArgs(code.attrs)}`,
        );
      }
    }
  });
  return found;
}

/**
 * The name the code gives the model assigned to `variable`: its `name="…"`, else Keras's automatic
 * name counted over the code before it (docs/naming.md: `sequential`, `sequential_1`, …; a
 * functional model is `functional_N`, where every Sequential built on an input took a number too).
 */
function nameInCode(code: string, variable = 'model'): string {
  const statements: string[] = [];
  let open: string[] | null = null;
  for (const line of code.split('\n')) {
    if (open) {
      open.push(line);
      if (/^\]/.test(line)) {
        statements.push(open.join('\n'));
        open = null;
      }
    } else if (/= keras\.Sequential\(\[$/.test(line)) open = [line];
    else statements.push(line);
  }
  let sequential = 0;
  let functional = 0;
  const auto = (prefix: string, n: number): string => (n === 0 ? prefix : `${prefix}_${n}`);
  for (const s of statements) {
    const name = /,\s*name="([^"]*)"\)\s*$/.exec(s)?.[1];
    const isSequential = s.includes('keras.Sequential(');
    const isModel = s.includes('keras.Model(');
    if (!isSequential && !isModel) continue;
    const own = name ?? (isSequential ? auto('sequential', sequential) : auto('functional', functional));
    if (name === undefined) {
      if (isSequential) sequential++;
      else functional++;
    }
    // A Sequential that starts from keras.Input builds a functional model inside it at once.
    if (isSequential && s.includes('keras.Input(')) functional++;
    if (s.startsWith(`${variable} = `)) return own;
  }
  throw new Error(`no model is assigned to ${variable} in:\n${code}`);
}

const titleOf = (text: string): string => /^Model: "(.*)"$/m.exec(text)?.[1] ?? '(no title)';

describe('the check itself', () => {
  const today = [
    "import SummaryText from '@components/SummaryText.astro';",
    '',
    '```python',
    'model = keras.Sequential([keras.Input(shape=(784,)), layers.Dense(10)])',
    'model.summary()',
    '```',
    '',
    '<SummaryText of={facts.mlp} format="keras3" />',
    '',
    '<SummaryText of={facts.frozen} format="keras3" />',
  ].join('\n');

  it('flags a summary under hand-written code, a summary with no code of its own, and a .summary( in prose code', () => {
    expect(problems('today.mdx', today)).toEqual([
      'today.mdx:3: a hand-written Python block calls .summary(); write <ModelCode of={facts.…} summary /> instead',
      'today.mdx:8: <SummaryText of={facts.mlp}> follows hand-written Python (line 3), not <ModelCode>',
      'today.mdx:10: <SummaryText of={facts.frozen}> follows hand-written Python (line 3), not <ModelCode>',
    ]);
  });

  it('accepts a summary under the code of the same fact with the same arguments, and flags other arguments or facts', () => {
    const mdx = [
      '<ModelCode of={facts.base} summary />',
      '<SummaryText of={facts.base} />',
      '<ModelCode of={facts.frozen} continues={facts.base}',
      '  showTrainable expandNested />',
      '<SummaryText of={facts.frozen} showTrainable expandNested />',
      '<SummaryText of={facts.frozen} showTrainable />',
      '<ModelCode of={facts.other} summary />',
      '<SummaryText of={facts.base} />',
      '```text',
      '<SummaryText of={facts.ignored} />',
      '```',
      '<SummaryExplorer of={facts.other} />',
      '```python',
      'x = layers.Dense(4)(x)',
      '```',
      '<SummaryExplorer of={facts.other} />',
    ].join('\n');
    expect(problems('ok.mdx', mdx)).toEqual([
      'ok.mdx:6: summary() arguments differ from the code\'s (line 3): {"lineLength":null,"showTrainable":true,"expandNested":false} vs {"lineLength":null,"showTrainable":true,"expandNested":true}',
      'ok.mdx:8: <SummaryText of={facts.base}> follows the code of facts.other (line 7)',
      'ok.mdx:16: <SummaryExplorer of={facts.other}> follows hand-written Python (line 13), not <ModelCode>',
    ]);
  });

  it('reads the name code gives: explicit, or counted as Keras counts (docs/naming.md)', () => {
    expect(nameInCode('model = keras.Sequential([\n    layers.Dense(1),\n])')).toBe('sequential');
    expect(nameInCode('model = keras.Sequential([\n    layers.Dense(1),\n], name="mlp")')).toBe('mlp');
    const two = [
      'base = keras.Sequential([',
      '    keras.Input(shape=(4,)),',
      '    layers.Dense(2),',
      '])',
      'inputs = keras.Input(shape=(4,))',
      'outputs = base(inputs)',
      'model = keras.Model(inputs, outputs)',
    ].join('\n');
    expect(nameInCode(two, 'base')).toBe('sequential');
    expect(nameInCode(two)).toBe('functional_1');
    expect(nameInCode('a = keras.Model(i, o)\nmodel = keras.Model(i, o)')).toBe('functional_1');
  });
});

describe.each(pages())('%s', (file) => {
  const source = readFileSync(join(root, file), 'utf8');

  it('prints every summary under the code that makes it', () => {
    const found = problems(relative(root, join(root, file)), source);
    expect(found, found.join('\n')).toEqual([]);
  });

  const tags = items(source).filter((i): i is Tag => i.kind !== 'python');
  const summaries = tags.filter((i) => prints(i.kind));
  if (summaries.length === 0) return;
  it('titles each summary with the model name its code gives', async () => {
    const lesson = /from '@lessons\/([\w-]+)\.ts'/.exec(source)?.[1];
    expect(lesson, 'the lesson module the page imports').toBeDefined();
    const { facts } = (await import(`../../src/lessons/${lesson}.ts`)) as { facts: Record<string, ModelFact> };
    for (const s of summaries) {
      const key = String(s.attrs['of']).replace(/^facts\./, '');
      const fact = facts[key];
      expect(fact, `facts.${key}`).toBeDefined();
      const codeTag = tags.findLast((i) => i.kind === 'ModelCode' && i.attrs['of'] === s.attrs['of'] && i.line < s.line);
      const variable = typeof codeTag?.attrs['variable'] === 'string' ? codeTag.attrs['variable'] : 'model';
      const summary = resolveModelFact(fact!);
      const text = s.attrs['format'] === 'keras2' ? renderKeras2(summary) : renderKeras3(summary);
      expect(titleOf(text), `${file}:${s.line}`).toBe(nameInCode(pythonCode(fact!.model, { variable }), variable));
    }
  });
});
