/**
 * What the gate picture draws for a recurrent cell: its input kernel W over its recurrent kernel
 * U over its bias row(s), all sharing one set of columns cut into gate blocks. Read off the row's
 * weights and the gates the engine lists (src/calc/layers/recurrent.ts), never off its type.
 */
import type { GateId, Row } from '@calc/engine.ts';

export interface GatePlan {
  /** The blocks along the columns, in Keras's order. */
  gates: readonly GateId[];
  /** Rows of W: the input features one step reads. */
  inputs: number;
  /** Columns per gate, and rows of U: the units. */
  units: number;
  /** Bias rows under U: 0 (use_bias=False), 1, or 2 (GRU's reset_after keeps input and recurrent biases apart). */
  biasRows: number;
}

/** The layout to draw, or null for a row without gates or without the two 2-D kernels they cut. */
export function gatePlan(row: Pick<Row, 'weights' | 'gates'>): GatePlan | null {
  const gates = row.gates;
  if (!gates || gates.length === 0) return null;
  const kernel = row.weights.find((w) => w.name === 'kernel');
  const recurrent = row.weights.find((w) => w.name === 'recurrent_kernel');
  if (kernel?.shape.length !== 2 || recurrent?.shape.length !== 2) return null;
  const [inputs, width] = kernel.shape as [number, number];
  if (width % gates.length !== 0 || recurrent.shape[1] !== width) return null;
  const bias = row.weights.find((w) => w.name === 'bias');
  // a (2, width) bias is two rows; a flat one of 2 × width (the CuDNN layers) is two rows too
  const biasRows = !bias ? 0 : bias.shape.length === 2 ? bias.shape[0]! : bias.shape[0]! / width;
  return { gates, inputs, units: width / gates.length, biasRows };
}
