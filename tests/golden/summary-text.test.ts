/**
 * The whole pipeline against Keras 3: import each golden's model.json, summarize it, render it,
 * and compare with the text Keras 3.16 printed for the same model, character for character.
 */
import { describe, expect, it } from 'vitest';
import { renderKeras3 } from '@calc/render.ts';
import { loadGoldens } from './golden.ts';
import { summarizeGolden } from './summarize-golden.ts';

const goldens = loadGoldens();

describe('Keras 3 golden models: summary text', () => {
  it('has all 400 models', () => expect(goldens).toHaveLength(400));

  it.each(goldens.map((g) => [g.id, g] as const))('%s prints exactly what Keras printed', (_id, g) => {
    const s = summarizeGolden(g);
    expect(s.error).toBeUndefined();
    expect(renderKeras3(s)).toBe(g.expected.summary);
  });
});
