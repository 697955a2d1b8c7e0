/**
 * The Python reader against Keras 3: each golden's model.py, read as code (never run), gives the
 * rows, totals and summary text Keras 3.16 printed when it ran that same file.
 */
import { describe, expect, it } from 'vitest';
import { readPython } from '@calc/import.ts';
import { summarize } from '@calc/engine.ts';
import { renderJson, renderKeras3 } from '@calc/render.ts';
import { loadGoldens } from './golden.ts';

const goldens = loadGoldens();

describe('Keras 3 golden models read from their model.py', () => {
  it.each(goldens.map((g) => [g.id, g] as const))('%s: the code gives what Keras printed', (_id, g) => {
    const read = readPython(g.python);
    if (!read.ok) throw new Error(read.error.message);
    const { models, main, notes } = read.value;
    expect(notes).toEqual([]);
    const shown = models[main]!;
    expect(shown.problem).toBeUndefined();
    expect(shown.variable).toBe('model');
    const summary = summarize(shown.model);
    expect(summary.error).toBeUndefined();
    const json = renderJson(summary);
    expect(json.name).toBe(g.expected.name);
    expect(json.layers.map((l) => [l.name, l.type, l.params, l.trainable, l.nonTrainable])).toEqual(
      g.expected.layers.map((l) => [l.name, l.type, l.params, l.trainable, l.nonTrainable]),
    );
    expect(json.totals).toEqual(g.expected.totals);
    expect(renderKeras3(summary)).toBe(g.expected.summary);
  });
});
