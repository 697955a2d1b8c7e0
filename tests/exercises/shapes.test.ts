/**
 * The output-shape templates: over many seeds, every answer and every mistake's shape equals the
 * rule written out by hand here (Keras's conv_output_length: valid ⌊(n − d(k − 1) − 1) / s⌋ + 1,
 * same ⌈n / s⌉; pooling's stride defaulting to pool_size; Flatten's product), not the engine's.
 */
import { describe, expect, test } from 'vitest';
import { diagnoseBlank, generate } from '@exercises/generate.ts';
import {
  conv1dShape,
  conv2dTransposeShape,
  convDilationShape,
  convSameShape,
  convValidShape,
  flattenShape,
  poolFlattenShape,
  poolShape,
  poolStridesShape,
} from '@exercises/templates/shapes.ts';
import type { Blank, Exercise, Template } from '@exercises/types.ts';

type Dims = (number | null)[];
const SEEDS = Array.from({ length: 250 }, (_, i) => i * 7919 + 3);

const valid = (n: number, k: number, s = 1, d = 1): number => Math.floor((n - d * (k - 1) - 1) / s) + 1;
const same = (n: number, s = 1): number => Math.ceil(n / s);
const ceilValid = (n: number, k: number, s: number): number => Math.ceil((n - k) / s) + 1;

function layerOf(ex: Exercise): { args: Record<string, unknown>; h: number; w: number; c: number } {
  if (ex.about?.kind !== 'layer' || ex.about.ask !== 'shape') throw new Error(`${ex.id}: about is not a layer shape`);
  const [, h, w, c] = ex.about.input as number[];
  return { args: (ex.about.layer.args ?? {}) as Record<string, unknown>, h: h!, w: w!, c: c! };
}

function onlyBlank(ex: Exercise): Blank {
  if (ex.response.kind !== 'blanks' || ex.response.blanks.length !== 1) throw new Error(`${ex.id}: one blank expected`);
  return ex.response.blanks[0]!;
}

/** The forms a reader may type a shape in. */
function typings(shape: Dims): string[] {
  const dims = shape.slice(1) as number[];
  return [`(None, ${dims.join(', ')})`, dims.join('x'), dims.join('×'), `[${dims.join(', ')}]`, `(${dims.join(', ')})`];
}

/** Each mistake's value is the hand value for its id, and typing it names the mistake; the answer typed any way is right. */
function checkBlank(ex: Exercise, answer: Dims, byMistake: Record<string, Dims[]>): void {
  const blank = onlyBlank(ex);
  expect(blank.expected).toEqual({ kind: 'shape', value: answer });
  for (const text of typings(answer)) expect(diagnoseBlank(blank, text), `${ex.id} typed ${text}`).toEqual({ verdict: 'right' });
  for (const m of blank.mistakes) {
    const hand = byMistake[m.mistake];
    expect(hand, `${ex.id}: unexpected mistake ${m.mistake}`).toBeDefined();
    expect(hand).toContainEqual(m.value);
    const d = diagnoseBlank(blank, typings(m.value as Dims)[1]!);
    expect(d.verdict === 'wrong' && d.mistake?.mistake).toBe(m.mistake);
    expect(m.note.en.length).toBeGreaterThan(0);
    expect(m.note['zh-cn']).toMatch(/[\u4e00-\u9fff]/);
  }
  // No hint states the answer.
  const answerText = `(${answer.map((d) => (d === null ? 'None' : d)).join(', ')})`;
  for (const h of ex.hints) expect(h.en + h['zh-cn']).not.toContain(answerText);
  expect(ex.solution.en).toContain(answerText);
}

/** The shape a mistake gives (empty when the blank does not list it). */
const mistakeShape = (blank: Blank, mistake: string): Dims =>
  (blank.mistakes.find((m) => m.mistake === mistake)?.value as Dims | undefined) ?? [];

function run(template: Template, check: (ex: Exercise) => void): { mistakes: Set<string> } {
  const seen = new Set<string>();
  for (const seed of SEEDS) {
    const ex = generate(template, seed);
    check(ex);
    for (const m of onlyBlank(ex).mistakes) seen.add(m.mistake);
  }
  return { mistakes: seen };
}

describe('output-shape templates', () => {
  test('conv-valid-shape: ⌊(n − k) / s⌋ + 1; same, stride 1 and rounding up as the mistakes', () => {
    const { mistakes } = run(convValidShape, (ex) => {
      const { args, h, w, c } = layerOf(ex);
      const k = args.kernel_size as number;
      const s = (args.strides as number | undefined) ?? 1;
      const f = args.filters as number;
      checkBlank(ex, [null, valid(h, k, s), valid(w, k, s), f], {
        'valid-as-same': [[null, same(h, s), same(w, s), f]],
        'ignored-stride': [[null, valid(h, k), valid(w, k), f]],
        'ceil-not-floor': [[null, ceilValid(h, k, s), ceilValid(w, k, s), f]],
        'kept-input-channels': [[null, valid(h, k, s), valid(w, k, s), c]],
      });
      if (s > 1)
        expect(
          onlyBlank(ex)
            .mistakes.map((m) => m.mistake)
            .filter((m) => m !== 'kept-input-channels')
            .sort(),
        ).toEqual(['ceil-not-floor', 'ignored-stride', 'valid-as-same']);
    });
    expect([...mistakes].sort()).toEqual([...convValidShape.mistakes].sort());
  });

  test('conv-same-shape: ⌈n / s⌉; the valid rule and stride 1 as the mistakes', () => {
    const { mistakes } = run(convSameShape, (ex) => {
      const { args, h, w, c } = layerOf(ex);
      const k = args.kernel_size as number;
      const s = args.strides as number;
      const f = args.filters as number;
      expect(args.padding).toBe('same');
      checkBlank(ex, [null, same(h, s), same(w, s), f], {
        'same-padding-stride': [[null, valid(h, k, s), valid(w, k, s), f]],
        'ignored-stride': [[null, h, w, f]],
        'kept-input-channels': [[null, same(h, s), same(w, s), c]],
      });
    });
    expect([...mistakes].sort()).toEqual([...convSameShape.mistakes].sort());
  });

  test('conv-dilation-shape: ⌊(n − d(k − 1) − 1)⌋ + 1; no dilation and same as the mistakes', () => {
    const { mistakes } = run(convDilationShape, (ex) => {
      const { args, h, w, c } = layerOf(ex);
      const k = args.kernel_size as number;
      const d = args.dilation_rate as number;
      const f = args.filters as number;
      expect(d).toBeGreaterThan(1);
      checkBlank(ex, [null, valid(h, k, 1, d), valid(w, k, 1, d), f], {
        'dilation-span': [[null, valid(h, k), valid(w, k), f]],
        'valid-as-same': [[null, h, w, f]],
        'kept-input-channels': [[null, valid(h, k, 1, d), valid(w, k, 1, d), c]],
      });
    });
    expect([...mistakes].sort()).toEqual([...convDilationShape.mistakes].sort());
  });

  test('pool-shape: stride = pool_size, floored; stride 1 and rounding up as the mistakes', () => {
    const { mistakes } = run(poolShape, (ex) => {
      const { args, h, w, c } = layerOf(ex);
      const p = args.pool_size as number;
      expect(args.strides).toBeUndefined();
      checkBlank(ex, [null, valid(h, p, p), valid(w, p, p), c], {
        'pool-stride-default': [[null, valid(h, p), valid(w, p), c]],
        'ceil-not-floor': [[null, ceilValid(h, p, p), ceilValid(w, p, p), c]],
      });
    });
    expect([...mistakes].sort()).toEqual([...poolShape.mistakes].sort());
  });

  test('flatten-shape: h × w × c; leaving out the channels or the height as the mistakes', () => {
    run(flattenShape, (ex) => {
      const { h, w, c } = layerOf(ex);
      checkBlank(ex, [null, h * w * c], {
        'flatten-size': [
          [null, h * w],
          [null, w * c],
        ],
      });
      expect(onlyBlank(ex).mistakes.length).toBeGreaterThan(0);
    });
  });

  test('pool-strides-shape: an explicit stride, or same padding with the default stride', () => {
    const { mistakes } = run(poolStridesShape, (ex) => {
      const { args, h, w, c } = layerOf(ex);
      const p = args.pool_size as number;
      if (args.padding === 'same') {
        expect(args.strides).toBeUndefined();
        checkBlank(ex, [null, same(h, p), same(w, p), c], {
          'same-padding-stride': [[null, valid(h, p, p), valid(w, p, p), c]],
          'pool-stride-default': [[null, h, w, c]],
        });
      } else {
        const s = args.strides as number;
        expect(s).not.toBe(p);
        checkBlank(ex, [null, valid(h, p, s), valid(w, p, s), c], {
          'ignored-stride': [[null, valid(h, p), valid(w, p), c]],
          'ceil-not-floor': [[null, ceilValid(h, p, s), ceilValid(w, p, s), c]],
        });
      }
    });
    expect([...mistakes].sort()).toEqual([...poolStridesShape.mistakes].sort());
  });

  test('pool-flatten-shape: the floored pooling, then the product; rounding up, stride 1 and no channels as the mistakes', () => {
    const { mistakes } = run(poolFlattenShape, (ex) => {
      if (ex.about?.kind !== 'model' || ex.about.model.kind !== 'sequential') throw new Error('a Sequential model expected');
      const [, h, w, c] = ex.about.model.input as number[];
      const p = (ex.about.model.layers[0]!.args as { pool_size: number }).pool_size;
      const [H, W] = [valid(h!, p, p), valid(w!, p, p)];
      checkBlank(ex, [null, H * W * c!], {
        'ceil-not-floor': [[null, ceilValid(h!, p, p) * ceilValid(w!, p, p) * c!]],
        'pool-stride-default': [[null, valid(h!, p) * valid(w!, p) * c!]],
        'flatten-size': [[null, H * W]],
      });
    });
    expect([...mistakes].sort()).toEqual([...poolFlattenShape.mistakes].sort());
  });

  test('conv1d-shape: valid with a stride, or causal (the length kept whatever the dilation)', () => {
    const { mistakes } = run(conv1dShape, (ex) => {
      const { args, h: n } = layerOf(ex);
      const k = args.kernel_size as number;
      const f = args.filters as number;
      if (args.padding === 'causal') {
        const d = (args.dilation_rate as number | undefined) ?? 1;
        checkBlank(ex, [null, n, f], { 'same-padding-stride': [[null, valid(n, k, 1, d), f]] });
      } else {
        const s = args.strides as number;
        checkBlank(ex, [null, valid(n, k, s), f], {
          'valid-as-same': [[null, same(n, s), f]],
          'ignored-stride': [[null, valid(n, k), f]],
          'ceil-not-floor': [[null, ceilValid(n, k, s), f]],
        });
      }
    });
    expect([...mistakes].sort()).toEqual([...conv1dShape.mistakes].sort());
  });

  test('conv2d-transpose-shape: (L − 1) × s + k for valid, L × s for same', () => {
    const up = (L: number, k: number, s: number, padding: unknown): number => (padding === 'same' ? L * s : (L - 1) * s + k);
    const { mistakes } = run(conv2dTransposeShape, (ex) => {
      const { args, h, w } = layerOf(ex);
      const k = args.kernel_size as number;
      const s = args.strides as number;
      const f = args.filters as number;
      const other = args.padding === 'same' ? 'valid' : 'same';
      expect(k).toBeGreaterThanOrEqual(s);
      checkBlank(ex, [null, up(h, k, s, args.padding), up(w, k, s, args.padding), f], {
        'ignored-stride': [[null, up(h, k, 1, args.padding), up(w, k, 1, args.padding), f]],
        [args.padding === 'same' ? 'same-padding-stride' : 'valid-as-same']: [[null, up(h, k, s, other), up(w, k, s, other), f]],
      });
    });
    expect([...mistakes].sort()).toEqual([...conv2dTransposeShape.mistakes].sort());
  });

  test('the transposed-convolution lesson’s numbers: 7 → 15 (valid), 14 (same) with a 3 × 3 kernel at stride 2', () => {
    // more-convolutions.mdx, worked by hand there: (7 − 1) × 2 + 3 = 15; 7 × 2 = 14.
    const found = SEEDS.map((seed) => generate(conv2dTransposeShape, seed)).filter((e) => {
      const { args, h } = layerOf(e);
      return h === 7 && args.kernel_size === 3 && args.strides === 2;
    });
    for (const e of found) {
      const { args } = layerOf(e);
      expect((onlyBlank(e).expected.value as Dims)[1]).toBe(args.padding === 'same' ? 14 : 15);
    }
  });

  test('the pooling lesson’s worked case: MaxPooling2D(2) on 11 gives 5, not 6 (rounding up) or 10 (stride 1)', () => {
    // Find a generated variant on an 11 × 11 input and read its numbers (docs/learner-mistakes.md).
    const ex = SEEDS.map((s) => generate(poolShape, s)).find((e) => {
      const { args, h, w } = layerOf(e);
      return h === 11 && w === 11 && args.pool_size === 2;
    });
    expect(ex, 'no 11 × 11 MaxPooling2D(2) variant among the seeds').toBeDefined();
    if (!ex) return;
    const blank = onlyBlank(ex);
    expect((blank.expected.value as Dims).slice(1, 3)).toEqual([5, 5]);
    expect(mistakeShape(blank, 'ceil-not-floor').slice(1, 3)).toEqual([6, 6]);
    expect(mistakeShape(blank, 'pool-stride-default').slice(1, 3)).toEqual([10, 10]);
  });

  test('hints: rule in words, then numbers, then arithmetic with the last step left', () => {
    const ex = generate(convValidShape, 42);
    expect(ex.hints[0].en).toMatch(/⌊|⌈/);
    expect(ex.hints[2].en).toContain('= ?');
    expect(ex.hints[2]['zh-cn']).toMatch(/^算一算/);
  });
});
