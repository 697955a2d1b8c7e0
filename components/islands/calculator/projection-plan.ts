/**
 * What the projection picture draws for an attention layer that projects its inputs per head
 * (MultiHeadAttention): each projection's input tensor, its weights, and what it makes. Read off
 * the row's weight names (`query/kernel`, `attention_output/bias`, as Keras names them) and the
 * shapes the layer was called on, never off its type.
 */
import type { Shape, Weight } from '@calc/basics.ts';
import type { Row } from '@calc/engine.ts';

export type ProjectionId = 'query' | 'key' | 'value' | 'gate' | 'output';

export interface Projection {
  id: ProjectionId;
  /** The tensor it reads: an input's shape, or null for the output projection (it reads the heads). */
  input: Shape | null;
  weights: Weight[];
  /** Heads and numbers per head it makes (query/key/value/gate) or reads (output). */
  heads: number;
  size: number;
}

export interface ProjectionPlan {
  projections: Projection[];
  output: Shape | null;
}

/** Weight prefixes in the order the layer applies them, with the input each one reads (positional: query, value, key). */
const ORDER: { id: ProjectionId; prefix: string; input: (shapes: readonly Shape[]) => Shape | null }[] = [
  { id: 'query', prefix: 'query', input: (s) => s[0] ?? null },
  { id: 'key', prefix: 'key', input: (s) => s[2] ?? s[1] ?? null },
  { id: 'value', prefix: 'value', input: (s) => s[1] ?? null },
  { id: 'gate', prefix: 'gate', input: (s) => s[0] ?? null },
  { id: 'output', prefix: 'attention_output', input: () => null },
];

/** The projections to draw, or null when the row has no per-head query kernel `(features, heads, size)`. */
export function projectionPlan(row: Pick<Row, 'weights' | 'inputShapes' | 'outputShape'>): ProjectionPlan | null {
  const projections: Projection[] = [];
  for (const { id, prefix, input } of ORDER) {
    const weights = row.weights.filter((w) => w.name.startsWith(`${prefix}/`));
    const kernel = weights.find((w) => w.name === `${prefix}/kernel`);
    if (!kernel) continue;
    // q/k/v/gate kernels are (features, heads, size); the output kernel is (heads, size, …out)
    const [heads, size] = id === 'output' ? kernel.shape : kernel.shape.slice(1);
    if (heads === undefined || size === undefined) return null;
    projections.push({ id, input: input(row.inputShapes), weights, heads, size });
  }
  if (!projections.some((p) => p.id === 'query') || !projections.some((p) => p.id === 'output')) return null;
  const output = row.outputShape && Array.isArray(row.outputShape[0]) ? (row.outputShape[0] as Shape) : (row.outputShape as Shape | null);
  return { projections, output };
}
