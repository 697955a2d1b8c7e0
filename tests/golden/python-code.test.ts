/**
 * The Python reader against Keras 3: each golden's model.py, read as code (never run), gives the
 * rows, totals and summary text Keras 3.16 printed when it ran that same file.
 */
import { describe, expect, it } from 'vitest';
import { modelFromKerasJson, parseJsonText, readPython } from '@calc/import.ts';
import { summarize } from '@calc/engine.ts';
import { CodeUnavailable, pythonCode, renderJson, renderKeras3 } from '@calc/render.ts';
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

describe("the code Param Lab writes for each golden (pythonCode) reads back to Keras's text", () => {
  it.each(goldens.map((g) => [g.id, g] as const))('%s', (_id, g) => {
    const json = parseJsonText(g.json);
    if (!json.ok) throw new Error(json.error.message);
    const model = modelFromKerasJson(json.value);
    if (!model.ok) throw new Error(model.error.message);
    let code: string;
    try {
      code = pythonCode(model.value, { imports: true });
    } catch (e) {
      // a model the generator cannot write (it says why); nothing to read back
      if (e instanceof CodeUnavailable) return;
      throw e;
    }
    const read = readPython(code);
    if (!read.ok) throw new Error(`${read.error.line}:${read.error.column} ${read.error.message}\n${code}`);
    const shown = read.value.models[read.value.main]!;
    expect(shown.problem).toBeUndefined();
    expect(renderKeras3(summarize(shown.model))).toBe(g.expected.summary);
  });
});
