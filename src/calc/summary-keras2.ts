/**
 * tf.keras's `model.summary()` text (Keras 2, `keras/utils/layer_utils.py :: print_summary`):
 * plain ASCII columns, Python `str()` of shapes and connection lists, and a footer that differs
 * by era — A (≤ 2.6), B (2.7–2.12), C (2.13–2.15 and tf_keras 2.16+, the default); see
 * docs/summary-formats.md#keras-2-eras.
 */
import { escapeControls } from './control-chars.ts';
import { groupDigits } from './text.ts';
import { truncatedRow, wrappedRow, type Keras2Era } from './keras2-print-row.ts';
import { TextBudget } from './text-budget.ts';
import { KERAS2_UNITS, readableMemorySize, TF_DTYPE_BYTES } from './memory-size.ts';
import { pythonStringList, pythonTuple } from './python-repr.ts';
import { shapeList } from './text.ts';
import type { Row, Summary } from './summarize.ts';
import type { Weight } from './types.ts';

export type { Keras2Era };

export interface Keras2SummaryOptions {
  /** Which tf.keras printed it: A ≤ 2.6, B 2.7–2.12, C 2.13+ (default). */
  era?: Keras2Era;
  /** Keras's `line_length`; default 65 for sequential-like models, 98 otherwise. */
  lineLength?: number;
  /** `show_trainable=True` (eras B and C): an 11-character Trainable column with Y or N. */
  showTrainable?: boolean;
  /** `expand_nested=True` (eras B and C): the layers of nested models inside `|` borders. */
  expandNested?: boolean;
  /** Stop with TextTooLong past this many characters (the CLI's cap; none by default). */
  maxChars?: number;
}

/** Column positions as fractions of the line; era C moved the Functional ones. */
function relativePositions(sequentialLike: boolean, era: Keras2Era): number[] {
  if (sequentialLike) return [0.45, 0.85, 1.0];
  return era === 'C' ? [0.3, 0.6, 0.7, 1.0] : [0.33, 0.55, 0.67, 1.0];
}

/**
 * `layer.output_shape`: a tuple, a list of tuples for several outputs, and for an InputLayer a
 * one-element list (`[(None, 28, 28, 1)]`). A layer never called has none: `multiple`.
 */
export function keras2ShapeText(row: Row): string {
  if (row.outputShape === null) return 'multiple';
  const shapes = shapeList(row.outputShape);
  if (shapes.length === 1 && row.type !== 'InputLayer') return pythonTuple(shapes[0]!);
  return `[${shapes.map(pythonTuple).join(', ')}]`;
}

/** `str(layer.count_params())`, without thousands separators in every era. */
const paramsText = (row: Row): string => (row.built ? String(row.params) : '0 (unused)');

/** tf.keras prints the layer's own `trainable` flag. */
const trainableText = (row: Row): string => (row.layerTrainable ? 'Y' : 'N');

/** Bytes of a set of weights as tf.keras's `weight_memory_size` computes them. */
const memoryOf = (weights: readonly Weight[]): number =>
  weights.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1) * (TF_DTYPE_BYTES.get(w.dtype ?? 'float32') ?? 4), 0);

/** The footer: `Total params: 93322 (364.54 KB)` in era C, `Total params: 93,322` before. */
function footer(summary: Summary, era: Keras2Era): string[] {
  const t = summary.totals;
  const counts: [string, number, (w: Weight) => boolean][] = [
    ['Total params', t.params, () => true],
    ['Trainable params', t.trainable, (w) => w.trainable],
    ['Non-trainable params', t.nonTrainable, (w) => !w.trainable],
  ];
  if (era !== 'C') return counts.map(([label, n]) => `${label}: ${groupDigits(n)}`);
  const weights = summary.rows.flatMap((r) => r.weights);
  return counts.map(([label, n, pick]) => `${label}: ${n} (${readableMemorySize(memoryOf(weights.filter(pick)), KERAS2_UNITS)})`);
}

/** The text tf.keras's `model.summary()` prints (one `print_fn` call per line), ending in a newline. */
export function renderKeras2(summary: Summary, options: Keras2SummaryOptions = {}): string {
  const era = options.era ?? 'C';
  const connections = !summary.sequentialLike;
  const showTrainable = era !== 'A' && (options.showTrainable ?? false);
  const expandNested = era !== 'A' && (options.expandNested ?? false);
  let lineLength = options.lineLength ?? (summary.sequentialLike ? 65 : 98);
  const positions = relativePositions(summary.sequentialLike, era).map((p) => Math.trunc(lineLength * p));
  const headers = ['Layer (type)', 'Output Shape', 'Param #', ...(connections ? ['Connected to'] : [])];
  if (showTrainable) {
    lineLength += 11;
    positions.push(lineLength);
    headers.push('Trainable');
  }
  const fields = (row: Row, connected: string): string[] => [
    // Names come from the file: control characters are shown as escapes, never sent to the terminal.
    escapeControls(`${row.name} (${row.type})`),
    keras2ShapeText(row),
    paramsText(row),
    ...(connections ? [connected] : []),
    ...(showTrainable ? [trainableText(row)] : []),
  ];

  const lines = [`Model: "${escapeControls(summary.name)}"`, '_'.repeat(lineLength)];
  if (era === 'A') {
    lines.push(truncatedRow(headers, positions), '='.repeat(lineLength));
    summary.rows.forEach((row, i) => {
      // Era A shows the first connection on the layer's line and the others on lines of their own.
      const [first = '', ...others] = row.connectedTo.map(escapeControls);
      lines.push(truncatedRow(fields(row, first), positions));
      for (const c of others) lines.push(truncatedRow(['', '', '', c], positions));
      lines.push((i === summary.rows.length - 1 ? '=' : '_').repeat(lineLength));
    });
  } else {
    const budget = new TextBudget(options.maxChars);
    const printRow = (cells: string[], level = 0): string[] => wrappedRow(cells, positions, era, level, budget);
    const bordered = (level: number, fill: string, inset: number): string =>
      '|'.repeat(level) + fill.repeat(Math.max(0, lineLength - 2 * inset)) + '|'.repeat(level);
    // A blank line follows every layer except the last one inside a nested model.
    const printLayer = (row: Row, level: number, lastNested: boolean): void => {
      // A loop, not push(...): a name of megabytes wraps onto more lines than a call takes arguments.
      for (const line of printRow(fields(row, pythonStringList(row.connectedTo)), level)) lines.push(line);
      const children = expandNested ? (row.children ?? []) : [];
      if (children.length > 0) {
        lines.push(bordered(level + 1, '¯', level + 1));
        children.forEach((child, i) => printLayer(child, level + 1, i === children.length - 1));
        lines.push(bordered(level, '¯', level));
      }
      if (!lastNested) lines.push(bordered(level, ' ', level));
    };
    lines.push(...printRow(headers), '='.repeat(lineLength));
    for (const row of summary.rows) printLayer(row, 0, false);
    lines.push('='.repeat(lineLength));
  }
  lines.push(...footer(summary, era), '_'.repeat(lineLength), '');
  return lines.join('\n');
}
