/**
 * What the shape ribbon draws: the tensor a model hands from layer to layer, from its input to its
 * output, one stage per layer (the input first), read off the summary src/calc made. Only the
 * shapes the engine reported; nothing here computes a shape or a count.
 */
import type { Shape } from '@calc/basics.ts';
import type { Row } from '@calc/engine.ts';

export interface Stage {
  /** The layer that produced this tensor (`conv2d`), or null for the input. */
  name: string | null;
  type: string | null;
  /** The shape without its batch axis: `[26, 26, 32]`, `[576]`. */
  dims: number[];
}

const known = (shape: Shape | undefined): number[] | null => {
  if (!shape || !Array.isArray(shape) || shape.some((d) => Array.isArray(d))) return null;
  const dims = (shape as (number | null)[]).slice(1);
  return dims.every((d): d is number => typeof d === 'number') ? dims : null;
};

/** The stages of a chain of layers with one input and one output each; null when a shape is unknown or several. */
export function ribbonStages(rows: readonly Pick<Row, 'name' | 'type' | 'inputShapes' | 'outputShape'>[]): Stage[] | null {
  const first = rows[0];
  const input = known(first?.inputShapes[0]);
  if (!first || !input || first.inputShapes.length !== 1) return null;
  const stages: Stage[] = [{ name: null, type: null, dims: input }];
  for (const row of rows) {
    const dims = known((row.outputShape ?? undefined) as Shape | undefined);
    if (!dims) return null;
    stages.push({ name: row.name, type: row.type, dims });
  }
  return stages;
}

/** `28 × 28 × 1`, `576`; `28×28×1` with a tighter `times` for a label in a drawing. */
export const dimsText = (dims: readonly number[], times = ' × '): string => dims.map((d) => d.toLocaleString('en-US')).join(times);

/**
 * A block's drawn size: height follows the spatial size (or, for a flat vector, its length on a
 * log scale), width the channels on a log scale, so 28 × 28 × 1 is tall and thin and 3 × 3 × 64
 * short and wide. In SVG units.
 */
export function blockSize(dims: readonly number[]): { width: number; height: number } {
  const log = (n: number): number => Math.log2(Math.max(n, 1));
  if (dims.length === 1) return { width: 10, height: Math.round(10 + 5 * log(dims[0] ?? 1)) };
  const spatial = Math.max(...dims.slice(0, -1));
  const channels = dims[dims.length - 1] ?? 1;
  return { width: Math.round(10 + 4 * log(channels)), height: Math.round(12 + 2.6 * spatial) };
}
