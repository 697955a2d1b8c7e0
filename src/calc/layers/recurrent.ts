/**
 * Recurrent layers (keras/src/layers/rnn): SimpleRNN, LSTM, GRU and their cells, ConvLSTM1D/2D/3D,
 * and the two wrappers Bidirectional and TimeDistributed. A recurrent layer repeats one cell over
 * the time axis, so its weights are the cell's, whatever the sequence length.
 */
import * as arg from '../args.ts';
import { convLength, windowStep } from '../conv-arithmetic.ts';
import { add, evaluate, forTensor, mul, num, plainStep, type ShapeStep, type Term } from '../explain.ts';
import { toSnakeCase } from '../naming.ts';
import { outputCells, product } from '../macs.ts';
import { fail } from '../problem.ts';
import {
  weight,
  type Built,
  type BuildContext,
  type GateId,
  type InferCandidate,
  type LayerExample,
  type LayerSpec,
  type PrintedFacts,
  withPositional,
} from '../registry.ts';
import { exactQuotient, kernelReadings, windowFor } from '../layer-inference.ts';
import { expectRank, lastDim } from '../shape.ts';
import { isShapeList, shapeText } from '../text.ts';
import type { Dialect, LayerArgs, OutputShape, Shape, Weight } from '../types.ts';

/** The step function a recurrent layer repeats: its weights and the sizes of what it carries. */
interface Cell {
  weights: Weight[];
  formula: Term;
  /** Multiply-accumulates of one step: every gate's kernel on the input and recurrent kernel on the state. */
  stepMacs: Term;
  /** The gate blocks along the weights' columns; absent for a stack of cells. */
  gates?: readonly GateId[];
  /** One entry per state tensor: LSTM carries h and c, the others only h. */
  stateSizes: number[];
  outputSize: number;
}

type CellKind = 'simple' | 'lstm' | 'gru' | 'cudnn_lstm' | 'cudnn_gru';

/**
 * Gate blocks per cell, in the order Keras lays them out along the columns of the kernel, the
 * recurrent kernel and the bias (keras/src/layers/rnn/lstm.py splits them i, f, c, o; gru.py z, r, h).
 */
const LSTM_GATES: readonly GateId[] = ['input', 'forget', 'cell', 'output'];
const GRU_GATES: readonly GateId[] = ['update', 'reset', 'candidate'];
const GATES: Record<CellKind, readonly GateId[]> = {
  simple: ['hidden'],
  lstm: LSTM_GATES,
  gru: GRU_GATES,
  cudnn_lstm: LSTM_GATES,
  cudnn_gru: GRU_GATES,
};

/** GRU's `reset_after`: True since tf.keras 2 (separate input and recurrent biases), False in Keras ≤ 2.3.1 and tfjs. */
const resetAfterDefault = (dialect: Dialect): boolean => dialect === 'keras3' || dialect === 'tf.keras';

/**
 * A dense recurrent cell on `d` input features: `kernel (d, g·u)`, `recurrent_kernel (u, g·u)` and
 * a bias of `g·u`, doubled to `(2, g·u)` when input and recurrent biases are kept apart.
 */
function denseCell(kind: CellKind, args: LayerArgs, d: number, prefix = ''): Cell {
  const units = arg.int(args, 'units');
  const useBias = arg.bool(args, 'use_bias');
  const gates = GATES[kind].length;
  const twoBiases = kind === 'gru' ? arg.bool(args, 'reset_after') : kind === 'cudnn_lstm' || kind === 'cudnn_gru';
  const width = gates * units;
  const weights = [weight(`${prefix}kernel`, [d, width]), weight(`${prefix}recurrent_kernel`, [units, width])];
  // GRU writes its two biases as rows (2, 3u); the CuDNN layers as one flat vector.
  if (useBias) weights.push(weight(`${prefix}bias`, kind === 'gru' && twoBiases ? [2, width] : [(twoBiases ? 2 : 1) * width]));

  const perGate = mul(num(units, 'units', 'units'), add(num(d, 'input features'), num(units, 'recurrent units', 'units')));
  const bias = twoBiases ? mul(num(2, 'bias sets'), num(units, 'bias', 'units')) : num(units, 'bias', 'units');
  const block = useBias ? add(perGate, bias) : perGate;
  const products = mul(num(units, 'units', 'units'), add(num(d, 'input features'), num(units, 'recurrent units', 'units')));
  return {
    weights,
    formula: gates > 1 ? mul(num(gates, 'gates'), block) : block,
    stepMacs: gates > 1 ? mul(num(gates, 'gates'), products) : products,
    gates: GATES[kind],
    stateSizes: kind === 'lstm' || kind === 'cudnn_lstm' ? [units, units] : [units],
    outputSize: units,
  };
}

/**
 * What a recurrent layer returns: the last output or every step's, then its final states; with
 * the steps that say so (`sizeArg` names the argument the sizes come from: `units`, or `cell`).
 */
function sequenceOutput(
  args: LayerArgs,
  input: Shape,
  outputSize: number,
  stateSizes: number[],
  sizeArg = 'units',
): { output: OutputShape; steps: ShapeStep[] } {
  const batch = input[0] ?? null;
  const features = input[2] ?? null;
  const sequences = arg.bool(args, 'return_sequences');
  const output: Shape = sequences ? [batch, input[1] ?? null, outputSize] : [batch, outputSize];
  const steps: ShapeStep[] = sequences
    ? [plainStep('set-to-arg', [2], [features], [outputSize], sizeArg)]
    : [plainStep('drop', [], [input[1] ?? null], [], 'return_sequences'), plainStep('set-to-arg', [1], [features], [outputSize], sizeArg)];
  if (!arg.bool(args, 'return_state')) return { output, steps };
  // each state is (batch, size): the time axis is gone
  stateSizes.forEach((s, i) => steps.push(...forTensor(i + 1, [plainStep('set-to-arg', [1], [features], [s], sizeArg)])));
  return { output: [output, ...stateSizes.map((s): Shape => [batch, s])], steps };
}

/** Recurrent layers read (batch, timesteps, features); the cell sees one step of `features`. */
function stepFeatures(input: Shape): number {
  expectRank(input, 3, 'batch, timesteps, features');
  return lastDim(input);
}

/** A step's multiply-accumulates repeated over the time axis; null when the sequence length is None. */
const overTime = (input: Shape, step: Term | null): Term | null => product(input[1] === null ? null : num(input[1]!, 'timesteps'), step);

const SEQUENCE_DEFAULTS: LayerArgs = { use_bias: true, return_sequences: false, return_state: false, go_backwards: false, stateful: false };

/**
 * Candidates for a printed recurrent row: params = gates × (units × (features + units) + bias rows
 * × units), so a first layer's features follow from the count; GRU's one or two bias rows
 * (reset_after) and a bias at all are the choices the count may leave open.
 */
function recurrentCandidates(kind: CellKind, { output, outputs, inputs, params }: PrintedFacts): InferCandidate[] {
  const units = output[output.length - 1];
  if (typeof units !== 'number' || units < 1) return [];
  const gates = GATES[kind].length;
  const sequences = output.length === 3;
  const flags: LayerArgs = {
    units,
    ...(sequences ? { return_sequences: true } : {}),
    ...(outputs.length > 1 ? { return_state: true } : {}),
  };
  const options: { args: LayerArgs; biasRows: number }[] =
    kind === 'gru'
      ? [
          { args: {}, biasRows: 2 },
          { args: { reset_after: false }, biasRows: 1 },
          { args: { use_bias: false }, biasRows: 0 },
        ]
      : [
          { args: {}, biasRows: kind.startsWith('cudnn') ? 2 : 1 },
          { args: { use_bias: false }, biasRows: 0 },
        ];
  return options.flatMap(({ args, biasRows }) => {
    const known = inputs[0];
    const features = known ? known[known.length - 1] : (exactQuotient(params, gates * units) ?? 0) - units - biasRows;
    if (typeof features !== 'number' || features < 1) return [];
    return [{ args: { ...flags, ...args }, input: known ?? [output[0] ?? null, sequences ? (output[1] ?? null) : null, features] }];
  });
}

/** SimpleRNN, LSTM, GRU and the CuDNN variants of tf.keras 1.x. */
const recurrent = (kind: CellKind, example: LayerExample): LayerSpec => ({
  family: 'recurrent',
  positional: ['units'],
  example,
  defaults: kind === 'gru' ? (dialect) => ({ ...SEQUENCE_DEFAULTS, reset_after: resetAfterDefault(dialect) }) : SEQUENCE_DEFAULTS,
  infer: (facts) => recurrentCandidates(kind, facts),
  build({ args, input }) {
    const cell = denseCell(kind, args, stepFeatures(input));
    return {
      ...sequenceOutput(args, input, cell.outputSize, cell.stateSizes),
      weights: cell.weights,
      formula: cell.formula,
      macs: overTime(input, cell.stepMacs),
      ...(cell.gates ? { gates: cell.gates } : {}),
    };
  },
});

const CELL_KINDS: Record<string, CellKind> = { SimpleRNNCell: 'simple', LSTMCell: 'lstm', GRUCell: 'gru' };

/** A serialized cell: `{class_name, config}` from JSON or `{type, args}` from other readers. */
function readCellConfig(v: unknown): { type: string; args: LayerArgs } {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    const type = o['class_name'] ?? o['type'];
    const args = o['config'] ?? o['args'] ?? {};
    if (typeof type === 'string' && typeof args === 'object' && args !== null && !Array.isArray(args))
      return { type, args: args as LayerArgs };
  }
  return fail('rnn-cell-not-cell', {}, 'cell');
}

/** The cell of a generic `RNN` layer; a list or StackedRNNCells feeds each cell's output to the next. */
function readCell(v: unknown, d: number, dialect: Dialect): Cell {
  const list = Array.isArray(v) ? v : undefined;
  const config = list ? undefined : readCellConfig(v);
  const cells = list ?? (config?.type === 'StackedRNNCells' ? config.args['cells'] : undefined);
  if (cells !== undefined) {
    if (!Array.isArray(cells) || cells.length === 0) fail('rnn-cell-empty-stack', {}, 'cell');
    const built: Cell[] = [];
    let width = d;
    cells.forEach((c, i) => {
      const cell = singleCell(readCellConfig(c), width, dialect, `cell_${i}/`);
      built.push(cell);
      width = cell.outputSize;
    });
    return {
      weights: built.flatMap((c) => c.weights),
      formula: built.length === 1 ? built[0]!.formula : add(...built.map((c) => c.formula)),
      stepMacs: built.length === 1 ? built[0]!.stepMacs : add(...built.map((c) => c.stepMacs)),
      // Keras lists the states cell by cell (nested per cell; flattened here); tfjs lists the last cell's first.
      stateSizes: (dialect === 'tfjs' ? [...built].reverse() : built).flatMap((c) => c.stateSizes),
      outputSize: width,
    };
  }
  return singleCell(config!, d, dialect, '');
}

/** One SimpleRNNCell / LSTMCell / GRUCell from its config, Keras defaults filled in. */
function singleCell(config: { type: string; args: LayerArgs }, d: number, dialect: Dialect, prefix: string): Cell {
  // Own keys only: a cell named "constructor" must not find Object's.
  const kind = Object.hasOwn(CELL_KINDS, config.type) ? CELL_KINDS[config.type] : undefined;
  if (!kind) return fail('rnn-cell-unknown', { type: config.type }, 'cell');
  const defaults: LayerArgs = kind === 'gru' ? { use_bias: true, reset_after: resetAfterDefault(dialect) } : { use_bias: true };
  return denseCell(kind, { ...defaults, ...config.args }, d, prefix);
}

/** `keras.layers.RNN(cell)`: the generic loop over any cell. */
const RNN: LayerSpec = {
  family: 'recurrent',
  example: { args: { cell: { class_name: 'LSTMCell', config: { units: 16 } } }, input: [null, 10, 8] },
  defaults: { return_sequences: false, return_state: false, go_backwards: false, stateful: false },
  build({ args, input, dialect }) {
    const cell = readCell(args['cell'], stepFeatures(input), dialect);
    return {
      ...sequenceOutput(args, input, cell.outputSize, cell.stateSizes, 'cell'),
      weights: cell.weights,
      formula: cell.formula,
      macs: overTime(input, cell.stepMacs),
      ...(cell.gates ? { gates: cell.gates } : {}),
    };
  },
};

const STEP_AXES = [
  'batch, timesteps, steps, channels',
  'batch, timesteps, rows, cols, channels',
  'batch, timesteps, depth, rows, cols, channels',
];

/**
 * ConvLSTM1D/2D/3D: an LSTM whose four gates are convolutions. Each step is a conv over the spatial
 * axes, so the output size per axis follows the conv rule and the weights are conv kernels.
 */
const convLstm = (rank: number, example: LayerExample): LayerSpec => ({
  family: 'recurrent',
  positional: ['filters', 'kernel_size'],
  example,
  defaults: { ...SEQUENCE_DEFAULTS, strides: 1, padding: 'valid', data_format: null, dilation_rate: 1 },
  infer({ output, inputs, params }) {
    // params = 4 × filters × (k… × (C_in + filters) + 1), channels last
    const filters = output[output.length - 1];
    const input = inputs[0];
    const known = input?.[input.length - 1];
    if (typeof filters !== 'number') return [];
    const sequences = output.length === rank + 3;
    const outAt = sequences ? 2 : 1;
    const out: InferCandidate[] = [];
    for (const bias of [true, false]) {
      for (const cin of typeof known === 'number' ? [known] : [1, 3, 2, 4, 8, 16]) {
        const size = exactQuotient(params - (bias ? 4 * filters : 0), 4 * filters * (cin + filters));
        if (size === undefined) continue;
        const lengthsIn = Array.from({ length: rank }, (_, i) => input?.[i + 2]);
        for (const r of kernelReadings(size, rank, lengthsIn, output.slice(outAt, outAt + rank), windowFor)) {
          out.push({
            args: {
              filters,
              kernel_size: r.kernel,
              ...r.args,
              ...(sequences ? { return_sequences: true } : {}),
              ...(bias ? {} : { use_bias: false }),
            },
            input: input ?? [output[0] ?? null, sequences ? (output[1] ?? null) : null, ...r.windows.map((w) => w.input), cin],
          });
        }
      }
    }
    return out;
  },
  build({ args, input }) {
    expectRank(input, rank + 3, STEP_AXES[rank - 1]!);
    const format = arg.dataFormat(args);
    const filters = arg.int(args, 'filters');
    const kernel = arg.tuple(args, 'kernel_size', rank);
    const strides = arg.tuple(args, 'strides', rank);
    const dilation = arg.tuple(args, 'dilation_rate', rank);
    const padding = arg.oneOf(args, 'padding', ['valid', 'same'] as const);
    const useBias = arg.bool(args, 'use_bias');
    // One step drops the time axis: (batch, *spatial, C) or (batch, C, *spatial).
    const step: Shape = [input[0] ?? null, ...input.slice(2)];
    const spatialStart = format === 'channels_first' ? 2 : 1;
    const spatial = step.slice(spatialStart, spatialStart + rank);
    if (spatial.some((s) => s === null)) fail('conv-lstm-spatial-unknown', { input: shapeText(input) });
    const cin = step[format === 'channels_first' ? 1 : step.length - 1];
    if (cin === null || cin === undefined) fail('input-channels-unknown', { input: shapeText(input) });
    const outSpatial = spatial.map((l, i) => convLength(l, kernel[i]!, strides[i]!, dilation[i]!, padding));
    const state: Shape = format === 'channels_first' ? [step[0]!, filters, ...outSpatial] : [step[0]!, ...outSpatial, filters];
    const sequences = arg.bool(args, 'return_sequences');
    const output: Shape = sequences ? [state[0]!, input[1] ?? null, ...state.slice(1)] : state;
    // steps on the state's axes (one step of the sequence), shifted past the time axis when it is kept
    const stateSteps: ShapeStep[] = spatial.map((l, i) =>
      windowStep(`conv-${padding}`, spatialStart + i, l, outSpatial[i] ?? null, {
        kernel: kernel[i]!,
        stride: strides[i]!,
        dilation: dilation[i]!,
        arg: 'kernel_size',
      }),
    );
    const channelAt = format === 'channels_first' ? 1 : rank + 1;
    stateSteps.push(plainStep('set-to-arg', [channelAt], [cin ?? null], [filters], 'filters'));
    const shifted = (by: number): ShapeStep[] => stateSteps.map((s) => ({ ...s, axes: s.axes.map((a) => a + by) }));
    const steps = sequences ? shifted(1) : [plainStep('drop', [], [input[1] ?? null], [], 'return_sequences'), ...stateSteps];

    const weights = [weight('kernel', [...kernel, cin, 4 * filters]), weight('recurrent_kernel', [...kernel, filters, 4 * filters])];
    if (useBias) weights.push(weight('bias', [4 * filters]));
    const f = (): Term => num(filters, 'filters', 'filters');
    const perGate = mul(
      f(),
      ...kernel.map((k, i) => num(k, 'kernel', rank > 1 ? `kernel_size[${i}]` : 'kernel_size')),
      add(num(cin, 'input channels'), f()),
    );
    const returnState = arg.bool(args, 'return_state');
    // each step: both convolutions of every gate at every cell of the state (the recurrent one is 'same' on it)
    const cells = outputCells(
      state,
      spatial.map((_, i) => spatialStart + i),
    );
    return {
      output: returnState ? [output, state, state] : output,
      steps: returnState ? [...steps, ...forTensor(1, stateSteps), ...forTensor(2, stateSteps)] : steps,
      weights,
      formula: mul(num(4, 'gates'), useBias ? add(perGate, num(filters, 'bias', 'filters')) : perGate),
      macs: overTime(input, product(cells, num(4, 'gates'), perGate.terms)),
    };
  },
});

/** The wrapped layer of Bidirectional / TimeDistributed, as the importers hand it over. */
function wrapped(v: unknown, key: string): { type: string; name: string | null; args: LayerArgs } {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    const type = o['type'] ?? o['class_name'];
    const args = o['args'] ?? o['config'] ?? {};
    const name = o['name'] ?? (typeof args === 'object' && args !== null ? (args as Record<string, unknown>)['name'] : null);
    if (typeof type === 'string' && typeof args === 'object' && args !== null && !Array.isArray(args)) {
      return { type, name: typeof name === 'string' ? name : null, args: args as LayerArgs };
    }
  }
  return fail('wrapper-not-layer', { got: JSON.stringify(v) ?? String(v) }, key);
}

/** A wrapped layer's boolean flag; its args arrive raw, so a missing flag is Keras's False. */
const flag = (args: LayerArgs, key: string): boolean => args[key] === true;
const dropPrefix = (name: string, prefix: string): string => (name.startsWith(prefix) ? name.slice(prefix.length) : name);

/** The inner layer's weights under its own name, as Keras's `forward_lstm/kernel` paths show them. */
const under = (name: string, built: Built): Weight[] => built.weights.map((w) => ({ ...w, name: `${name}/${w.name}` }));

type MergeMode = 'concat' | 'sum' | 'ave' | 'mul' | null;

/** `merge_mode`: one of Keras's four merges, or None to return both directions. */
function mergeMode(args: LayerArgs): MergeMode {
  const v = args['merge_mode'];
  if (v === null) return null;
  return arg.oneOf(args, 'merge_mode', ['concat', 'sum', 'ave', 'mul'] as const);
}

/**
 * Bidirectional: a forward copy and a backward copy (go_backwards=True) of one recurrent layer, on
 * the same input. Keras derives the output from the forward copy alone: concat doubles its last axis.
 */
const Bidirectional: LayerSpec = {
  family: 'wrapper',
  positional: ['layer'],
  example: { args: { layer: { type: 'LSTM', args: { units: 32, return_sequences: true } } }, input: [null, 10, 8] },
  defaults: { merge_mode: 'concat', backward_layer: null },
  infer(facts) {
    // two copies of one recurrent layer: each half the count; concat doubles the last axis
    const half = exactQuotient(facts.params, 2);
    const last = facts.output[facts.output.length - 1];
    if (half === undefined || typeof last !== 'number') return [];
    return (['concat', 'sum'] as const).flatMap((merge) => {
      const units = merge === 'concat' ? exactQuotient(last, 2) : last;
      if (units === undefined) return [];
      const inner = { ...facts, params: half, output: [...facts.output.slice(0, -1), units], outputs: [] };
      return (['lstm', 'gru', 'simple'] as const).flatMap((kind) =>
        recurrentCandidates(kind, inner).map((c) => ({
          args: {
            layer: { type: kind === 'simple' ? 'SimpleRNN' : kind.toUpperCase(), args: c.args },
            ...(merge === 'concat' ? {} : { merge_mode: merge }),
          },
          input: c.input,
        })),
      );
    });
  },
  build(ctx: BuildContext) {
    const { args, input } = ctx;
    const layer = wrapped(args['layer'], 'layer');
    const merge = mergeMode(args);
    const base = layer.name ?? toSnakeCase(layer.type);
    const forwardName = `forward_${dropPrefix(base, 'forward_')}`;
    const given =
      args['backward_layer'] === null || args['backward_layer'] === undefined ? null : wrapped(args['backward_layer'], 'backward_layer');
    const backward = given ?? {
      type: layer.type,
      name: `backward_${dropPrefix(base, 'backward_')}`,
      args: { ...layer.args, go_backwards: true },
    };
    const backwardName = backward.name ?? `backward_${dropPrefix(base, 'backward_')}`;
    if (flag(layer.args, 'go_backwards') === flag(backward.args, 'go_backwards')) {
      fail('bidirectional-same-direction', { goBackwards: flag(layer.args, 'go_backwards') }, given ? 'backward_layer' : 'layer');
    }
    for (const a of ['stateful', 'return_sequences', 'return_state']) {
      if (flag(layer.args, a) !== flag(backward.args, a))
        fail('bidirectional-disagree', { flag: a, forward: flag(layer.args, a), backward: flag(backward.args, a) }, 'backward_layer');
    }
    const forward = ctx.buildInner({ type: layer.type, args: layer.args, name: forwardName }, input);
    const back = ctx.buildInner({ type: backward.type, args: backward.args, name: backwardName }, input);

    const returnState = flag(layer.args, 'return_state');
    const [sequence, ...states] = returnState && isShapeList(forward.output) ? forward.output : [forward.output as Shape];
    if (!sequence) return fail('wrapper-no-output', {}, 'layer');
    const merged: Shape[] = merge === null ? [sequence, sequence] : merge === 'concat' ? [doubleLast(sequence)] : [sequence];
    const outputs = [...merged, ...states, ...states];
    const formulas = [forward.formula, back.formula];
    return {
      output: outputs.length === 1 ? outputs[0]! : outputs,
      steps: bidirectionalSteps(forward.steps, sequence, merge, states.length),
      weights: [...under(forwardName, forward), ...under(backwardName, back)],
      ...(formulas[0] && formulas[1] ? { formula: twoDirections(formulas[0], formulas[1]) } : {}),
      ...bothMacs(forward.macs, back.macs),
      inner: [
        { name: forwardName, type: layer.type, built: forward },
        { name: backwardName, type: backward.type, built: back },
      ],
    };
  },
};

/**
 * The forward layer's steps, placed on Bidirectional's outputs: the sequence once (merged) or
 * twice (merge_mode=None), then the forward states and the backward states. Concatenation
 * replaces whatever set the last axis by the sum of the two directions.
 */
function bidirectionalSteps(forward: ShapeStep[], sequence: Shape, merge: MergeMode, stateCount: number): ShapeStep[] {
  const sequences = merge === null ? 2 : 1;
  const last = sequence.length - 1;
  const steps: ShapeStep[] = [];
  for (const step of forward) {
    const t = step.tensor ?? 0;
    if (t > 0) {
      steps.push({ ...step, tensor: sequences - 1 + t }, { ...step, tensor: sequences - 1 + t + stateCount });
      continue;
    }
    if (merge === 'concat' && step.axes.includes(last)) continue;
    for (let copy = 0; copy < sequences; copy++) steps.push(copy === 0 ? step : { ...step, tensor: copy });
  }
  if (merge === 'concat') {
    const size = sequence[last] ?? null;
    steps.push(plainStep('concat-sum', [last], [size, size], [size === null ? null : 2 * size], 'merge_mode'));
  }
  return steps;
}

/** Concatenating forward and backward doubles the last axis (None stays None). */
function doubleLast(shape: Shape): Shape {
  const last = shape[shape.length - 1];
  return [...shape.slice(0, -1), last === null || last === undefined ? null : 2 * last];
}

/** `2 × (…)` when both directions are the same size, else forward + backward. */
const twoDirections = (forward: Term, backward: Term): Term =>
  evaluate(forward) === evaluate(backward) ? mul(num(2, 'directions'), forward) : add(forward, backward);

/** Both directions' multiply-accumulates, as twoDirections writes their weights. */
function bothMacs(forward: Term | null | undefined, backward: Term | null | undefined): { macs?: Term | null } {
  if (forward === undefined || backward === undefined) return {};
  if (forward === null || backward === null) return { macs: null };
  return { macs: twoDirections(forward, backward) };
}

/** TimeDistributed: one inner layer applied to every step; the steps share its weights. */
const TimeDistributed: LayerSpec = {
  family: 'wrapper',
  positional: ['layer'],
  example: { args: { layer: { type: 'Dense', args: { units: 8 } } }, input: [null, 10, 16] },
  defaults: {},
  infer({ output, inputs, params }) {
    // most often a Dense on every step: units × (features + 1)
    const units = output[output.length - 1];
    const known = inputs[0];
    if (typeof units !== 'number') return [];
    return [true, false].flatMap((bias) => {
      const features = known ? known[known.length - 1] : (exactQuotient(params, units) ?? 0) - (bias ? 1 : 0);
      if (typeof features !== 'number' || features < 1) return [];
      return [
        {
          args: { layer: { type: 'Dense', args: bias ? { units } : { units, use_bias: false } } },
          input: known ?? [...output.slice(0, -1), features],
        },
      ];
    });
  },
  build(ctx: BuildContext) {
    const { args, input } = ctx;
    const layer = wrapped(args['layer'], 'layer');
    if (input.length < 3) fail('time-distributed-rank', { input: shapeText(input) });
    const name = layer.name ?? toSnakeCase(layer.type);
    const inner = ctx.buildInner({ type: layer.type, args: layer.args, name }, [input[0] ?? null, ...input.slice(2)]);
    if (isShapeList(inner.output)) return fail('time-distributed-several-outputs', { type: layer.type }, 'layer');
    const out = inner.output;
    return {
      output: [out[0] ?? null, input[1] ?? null, ...out.slice(1)],
      // the inner layer sees one step: its axis a ≥ 1 is axis a + 1 here, past the time axis
      steps: inner.steps.map((s) => ({ ...s, axes: s.axes.map((a) => (a === 0 ? 0 : a + 1)) })),
      weights: inner.weights,
      ...(inner.formula ? { formula: inner.formula } : {}),
      // the inner layer's work, once per step
      ...(inner.macs === undefined ? {} : { macs: overTime(input, inner.macs) }),
      inner: [{ name, type: layer.type, built: inner }],
    };
  },
};

export const recurrentLayers = withPositional(
  {
    SimpleRNN: recurrent('simple', { args: { units: 32 }, input: [null, 10, 8] }),
    LSTM: recurrent('lstm', { args: { units: 64 }, input: [null, 20, 32] }),
    GRU: recurrent('gru', { args: { units: 32 }, input: [null, 10, 8] }),
    // the CuDNN layers exist only in tf.keras 1.x
    CuDNNLSTM: recurrent('cudnn_lstm', { args: { units: 32 }, input: [null, 10, 8], dialect: 'tf.keras' }),
    CuDNNGRU: recurrent('cudnn_gru', { args: { units: 32 }, input: [null, 10, 8], dialect: 'tf.keras' }),
    RNN,
    ConvLSTM1D: convLstm(1, { args: { filters: 8, kernel_size: 3 }, input: [null, 5, 32, 3] }),
    ConvLSTM2D: convLstm(2, { args: { filters: 16, kernel_size: 3 }, input: [null, 5, 32, 32, 3] }),
    ConvLSTM3D: convLstm(3, { args: { filters: 4, kernel_size: 3 }, input: [null, 3, 8, 8, 8, 2] }),
    Bidirectional,
    TimeDistributed,
  } satisfies Record<string, LayerSpec>,
  { RNN: ['cell'] },
);
