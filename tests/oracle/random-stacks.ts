/**
 * Random valid Sequential stacks. fast-check draws plain numbers ("material"); `stackFrom` turns
 * them into layers that fit the shape reached so far, so every stack builds and shrinking still
 * works on the numbers. Layer arguments use Keras's names; sizes stay small so tfjs builds fast.
 */
import fc from 'fast-check';
import type { LayerArgs } from '@calc/basics.ts';

export interface StackLayer {
  type: string;
  args: LayerArgs;
}

export interface Stack {
  /** Input shape without the batch axis. */
  input: number[];
  layers: StackLayer[];
}

/** Random numbers for one layer: which layer, and its arguments. */
export interface Pick {
  which: number;
  a: number;
  b: number;
  c: number;
  flag: boolean;
}

const pick: fc.Arbitrary<Pick> = fc.record({ which: fc.nat(999), a: fc.nat(999), b: fc.nat(999), c: fc.nat(999), flag: fc.boolean() });

export const stackMaterial = fc.record({
  rank: fc.integer({ min: 1, max: 3 }),
  dims: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 3, maxLength: 3 }),
  picks: fc.array(pick, { minLength: 1, maxLength: 10 }),
});

export type StackMaterial = typeof stackMaterial extends fc.Arbitrary<infer T> ? T : never;

/** 1 + n mod (max), a whole number in 1..max. */
export const upTo = (n: number, max: number): number => 1 + (n % max);

/** A layer that may follow `shape`, with the shape it leaves; undefined when it does not fit. */
export type Candidate = (p: Pick, shape: number[]) => { layer: StackLayer; next: number[] } | undefined;

/** Conv/pool length: valid shrinks by the window, same keeps ⌈n/s⌉. */
export const slide = (n: number, k: number, s: number, same: boolean): number => (same ? Math.ceil(n / s) : Math.floor((n - k) / s) + 1);

const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'linear', 'softmax', 'elu'];

/** Layers that take `(features)`. */
const FLAT: Candidate[] = [
  (p) => ({
    layer: { type: 'Dense', args: { units: upTo(p.a, 16), use_bias: p.flag, activation: ACTIVATIONS[p.b % ACTIVATIONS.length]! } },
    next: [upTo(p.a, 16)],
  }),
  (p, s) => ({ layer: { type: 'Dropout', args: { rate: (p.a % 9) / 10 } }, next: s }),
  (p, s) => ({ layer: { type: 'BatchNormalization', args: { center: p.flag, scale: p.b % 2 === 0 } }, next: s }),
  (p, s) => ({ layer: { type: 'Activation', args: { activation: ACTIVATIONS[p.a % ACTIVATIONS.length]! } }, next: s }),
  (p, s) => ({ layer: { type: 'LayerNormalization', args: { center: p.flag } }, next: s }),
  (p, [d]) => ({ layer: { type: 'RepeatVector', args: { n: upTo(p.a, 6) } }, next: [upTo(p.a, 6), d!] }),
  (_, [d]) => ({ layer: { type: 'Reshape', args: { target_shape: [d!, 1] } }, next: [d!, 1] }),
];

/** Layers that take `(steps, features)`. */
const SEQUENCE: Candidate[] = [
  (p, [t]) => {
    const k = upTo(p.b, 3);
    const same = p.flag;
    if (!same && k > t!) return undefined;
    const filters = upTo(p.a, 8);
    return {
      layer: { type: 'Conv1D', args: { filters, kernel_size: k, padding: same ? 'same' : 'valid' } },
      next: [slide(t!, k, 1, same), filters],
    };
  },
  (p, [t, c]) => {
    const size = upTo(p.a, 3);
    if (size > t!) return undefined;
    return {
      layer: { type: p.flag ? 'MaxPooling1D' : 'AveragePooling1D', args: { pool_size: size } },
      next: [slide(t!, size, size, false), c!],
    };
  },
  (p, [t]) => {
    const units = upTo(p.a, 8);
    const type = ['LSTM', 'GRU', 'SimpleRNN'][p.b % 3]!;
    const args: LayerArgs = { units, return_sequences: p.flag };
    if (type === 'GRU') args['reset_after'] = false;
    return { layer: { type, args }, next: p.flag ? [t!, units] : [units] };
  },
  (p, [, c]) => ({ layer: { type: p.flag ? 'GlobalAveragePooling1D' : 'GlobalMaxPooling1D', args: {} }, next: [c!] }),
  (p, [t]) => ({ layer: { type: 'Dense', args: { units: upTo(p.a, 8) } }, next: [t!, upTo(p.a, 8)] }),
  (_, [t, c]) => ({ layer: { type: 'Flatten', args: {} }, next: [t! * c!] }),
  (_, [t, c]) => ({ layer: { type: 'Reshape', args: { target_shape: [t!, c!, 1] } }, next: [t!, c!, 1] }),
  (p, [t]) => ({
    layer: { type: 'Bidirectional', args: { layer: { type: 'LSTM', args: { units: upTo(p.a, 4), return_sequences: true } } } },
    next: [t!, 2 * upTo(p.a, 4)],
  }),
];

/** Layers that take `(height, width, channels)`. */
const IMAGE: Candidate[] = [
  (p, [h, w]) => {
    const k = upTo(p.b, 3);
    const s = upTo(p.c, 2);
    const same = p.flag;
    if (!same && (k > h! || k > w!)) return undefined;
    const filters = upTo(p.a, 8);
    return {
      layer: { type: 'Conv2D', args: { filters, kernel_size: k, strides: s, padding: same ? 'same' : 'valid' } },
      next: [slide(h!, k, s, same), slide(w!, k, s, same), filters],
    };
  },
  (p, [h, w, c]) => {
    const k = upTo(p.b, 3);
    if (k > h! || k > w!) return undefined;
    return {
      layer: { type: 'DepthwiseConv2D', args: { kernel_size: k, depth_multiplier: upTo(p.a, 2) } },
      next: [h! - k + 1, w! - k + 1, c! * upTo(p.a, 2)],
    };
  },
  (p, [h, w]) => {
    const k = upTo(p.b, 3);
    return {
      layer: { type: 'SeparableConv2D', args: { filters: upTo(p.a, 8), kernel_size: k, padding: 'same' } },
      next: [h!, w!, upTo(p.a, 8)],
    };
  },
  (p, [h, w]) => {
    if (h! > 12 || w! > 12) return undefined;
    const k = upTo(p.b, 3);
    const s = upTo(p.c, 2);
    // tfjs's transposed-conv rule: valid L·s + max(k − s, 0), same L·s
    const grow = (n: number): number => (p.flag ? n * s : n * s + Math.max(k - s, 0));
    return {
      layer: { type: 'Conv2DTranspose', args: { filters: upTo(p.a, 4), kernel_size: k, strides: s, padding: p.flag ? 'same' : 'valid' } },
      next: [grow(h!), grow(w!), upTo(p.a, 4)],
    };
  },
  (p, [h, w, c]) => {
    const size = upTo(p.a, 3);
    if (size > h! || size > w!) return undefined;
    return {
      layer: { type: p.flag ? 'MaxPooling2D' : 'AveragePooling2D', args: { pool_size: size } },
      next: [slide(h!, size, size, false), slide(w!, size, size, false), c!],
    };
  },
  (p, [h, w, c]) => ({ layer: { type: 'ZeroPadding2D', args: { padding: p.a % 3 } }, next: [h! + 2 * (p.a % 3), w! + 2 * (p.a % 3), c!] }),
  (p, [h, w, c]) =>
    h! > 12 || w! > 12
      ? undefined
      : { layer: { type: 'UpSampling2D', args: { size: upTo(p.a, 2) } }, next: [h! * upTo(p.a, 2), w! * upTo(p.a, 2), c!] },
  (p, [h, w, c]) => {
    const crop = p.a % 2;
    if (h! - 2 * crop < 1 || w! - 2 * crop < 1) return undefined;
    return { layer: { type: 'Cropping2D', args: { cropping: crop } }, next: [h! - 2 * crop, w! - 2 * crop, c!] };
  },
  (p, [, , c]) => ({ layer: { type: p.flag ? 'GlobalAveragePooling2D' : 'GlobalMaxPooling2D', args: {} }, next: [c!] }),
  (_, [h, w, c]) => (h! * w! * c! > 4096 ? undefined : { layer: { type: 'Flatten', args: {} }, next: [h! * w! * c!] }),
  (p, s) => ({ layer: { type: 'BatchNormalization', args: { center: p.flag } }, next: s }),
  (p, s) => ({ layer: { type: 'Dropout', args: { rate: (p.a % 9) / 10 } }, next: s }),
];

const BY_RANK: Record<number, Candidate[]> = { 1: FLAT, 2: SEQUENCE, 3: IMAGE };

/**
 * Turn random material into a stack whose every layer fits the shape before it. `extra` adds
 * candidates per input rank (Keras-only layers for tests that do not involve tfjs).
 */
export function stackFrom(m: StackMaterial, extra: Record<number, Candidate[]> = {}): Stack {
  const input = m.dims.slice(0, m.rank).map((d, i) => (m.rank === 3 && i < 2 ? d + 4 : d));
  const layers: StackLayer[] = [];
  let shape = input;
  for (const p of m.picks) {
    const candidates = [...BY_RANK[shape.length]!, ...(extra[shape.length] ?? [])];
    // try the picked candidate, then the next ones, until one fits
    for (let i = 0; i < candidates.length; i++) {
      const made = candidates[(p.which + i) % candidates.length]!(p, shape);
      if (made?.next.every((d) => d >= 1)) {
        layers.push(made.layer);
        shape = made.next;
        break;
      }
    }
  }
  return { input, layers };
}
