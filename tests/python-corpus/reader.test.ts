/**
 * The Python reader on the corpus: each snippet, read as code (never run), gives the model name,
 * rows and totals worked out by hand for it, and prints exactly the text Keras 3.15.1 printed for
 * it (printed/<id>.txt, README.md). The corpus writes `null` for the whole shape of a layer
 * called twice or returning several tensors; the printed text shows the last call's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPython } from '@calc/import.ts';
import { summarize } from '@calc/engine.ts';
import { renderJson, renderKeras3 } from '@calc/render.ts';
import { corpus } from './corpus.ts';

describe('the Python corpus read as code', () => {
  it('has at least 40 snippets', () => expect(corpus.length).toBeGreaterThanOrEqual(40));

  it.each(corpus.map((e) => [e.id, e] as const))('%s', (_id, entry) => {
    const read = readPython(entry.code);
    if (!read.ok) throw new Error(`${read.error.line}:${read.error.column} ${read.error.message}`);
    const shown = read.value.models[read.value.main]!;
    if (shown.problem) throw new Error(`${shown.problem.line}:${shown.problem.column} ${shown.problem.message}`);
    const summary = summarize(shown.model);
    expect(summary.error).toBeUndefined();
    const json = renderJson(summary);
    expect(json.name).toBe(entry.expected.name);
    expect(json.totals).toEqual(entry.expected.totals);
    expect(json.layers.map((l) => [l.name, l.type, l.params])).toEqual(entry.expected.rows.map((r) => [r.name, r.type, r.params]));
    entry.expected.rows.forEach((r, i) => {
      if (r.outputShape !== null) expect(json.layers[i]!.outputShape, r.name).toEqual(r.outputShape);
    });
    expect(renderKeras3(summary)).toBe(readFileSync(join(import.meta.dirname, 'printed', `${entry.id}.txt`), 'utf8'));
  });
});
