/**
 * The shape ribbon's stages for the MNIST CNN, against hand arithmetic: valid 3 × 3 convolutions
 * take 2 off each side length, 2 × 2 pooling halves it rounding down, Flatten multiplies.
 */
import { describe, expect, it } from 'vitest';
import { blockSize, dimsText, ribbonStages } from '@components/lesson/shape-ribbon-data.ts';
import { resolveModelFact } from '@lessons/facts.ts';
import { facts } from '@lessons/putting-it-together.ts';

describe('shape ribbon', () => {
  const stages = ribbonStages(resolveModelFact(facts.mnist).rows);

  it('runs from 28 × 28 × 1 to 10, one stage per layer after the input', () => {
    const conv = (n: number): number => n - 3 + 1;
    const pool = (n: number): number => Math.floor(n / 2);
    const a = conv(28); // 26
    const b = pool(a); // 13
    const c = conv(b); // 11
    const d = pool(c); // 5
    const e = conv(d); // 3
    expect(stages?.map((s) => s.dims)).toEqual([
      [28, 28, 1],
      [a, a, 32],
      [b, b, 32],
      [c, c, 64],
      [d, d, 64],
      [e, e, 64],
      [e * e * 64],
      [64],
      [10],
    ]);
    expect(stages?.[0]?.name).toBeNull();
    expect(stages?.[6]?.dims).toEqual([576]);
  });

  it('writes the dims as the caption and the drawing do', () => {
    expect(dimsText([28, 28, 1])).toBe('28 × 28 × 1');
    expect(dimsText([26, 26, 32], '×')).toBe('26×26×32');
    expect(dimsText([25088])).toBe('25,088');
  });

  it('draws a large image taller and many channels wider', () => {
    expect(blockSize([28, 28, 1]).height).toBeGreaterThan(blockSize([3, 3, 64]).height);
    expect(blockSize([3, 3, 64]).width).toBeGreaterThan(blockSize([28, 28, 1]).width);
  });

  it('gives up on a shape it does not know rather than drawing a guess', () => {
    expect(ribbonStages([{ name: 'x', type: 'Dense', inputShapes: [[null, null]], outputShape: [null, 4] }])).toBeNull();
    expect(ribbonStages([])).toBeNull();
  });
});
