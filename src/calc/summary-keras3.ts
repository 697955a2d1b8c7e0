/**
 * Keras 3's `model.summary()` text, character for character (`keras/src/utils/summary_utils.py`
 * drawn by rich): the title, a box-drawn table, and the three footer lines with memory sizes.
 */
import { escapeControls } from './control-chars.ts';
import { KERAS3_UNITS, readableMemorySize } from './memory-size.ts';
import { renderRichTable, type TableColumn } from './rich-table.ts';
import { TextBudget } from './text-budget.ts';
import { kerasColumnWidths } from './rich-widths.ts';
import { groupDigits, outputText } from './text.ts';
import type { Row, Summary } from './summarize.ts';

export interface Keras3SummaryOptions {
  /**
   * Keras's `line_length`. Default 76: what Keras uses when stdout is not a terminal (scripts,
   * CI logs, Jupyter, Colab); a terminal at least 92 (Sequential) or 112 (Functional) wide gets 88 / 108.
   */
  lineLength?: number;
  /** `show_trainable=True`: a fifth column with Y, N, or - for a layer without weights. */
  showTrainable?: boolean;
  /** `expand_nested=True`: rows for the layers inside nested models, prefixed `   └ `. */
  expandNested?: boolean;
  /** Stop with TextTooLong past this many characters (the CLI's cap; none by default). */
  maxChars?: number;
}

/** What Keras uses when `shutil.get_terminal_size()` falls back to 80 columns (80 - 4). */
export const KERAS3_DEFAULT_LINE_LENGTH = 76;

/** Keras's column layouts: relative positions, headers, justification. */
function layout(sequentialLike: boolean, showTrainable: boolean): { positions: number[]; columns: Omit<TableColumn, 'width'>[] } {
  const positions = sequentialLike ? [0.45, 0.8, 1.0] : [0.3, 0.56, 0.74, 1.0];
  const columns: Omit<TableColumn, 'width'>[] = [
    { header: 'Layer (type)', justify: 'left' },
    { header: 'Output Shape', justify: 'left' },
    { header: 'Param #', justify: 'right' },
    ...(sequentialLike ? [] : [{ header: 'Connected to', justify: 'left' } as const]),
  ];
  if (!showTrainable) return { positions, columns };
  return {
    positions: [...positions.map((p) => p * 0.9), 1.0],
    columns: [...columns, { header: 'Trainable', justify: 'center' }],
  };
}

/** `18,496`, or `0 (unbuilt)` for a layer that was never built. */
const paramsText = (row: Row): string => (row.built ? groupDigits(row.params) : '0 (unbuilt)');

/** Keras shows the layer's own `trainable` flag (Y/N), or `-` when it has no weights. */
function trainableText(row: Row): string {
  if (row.weights.length === 0) return '-';
  return row.layerTrainable ? 'Y' : 'N';
}

/** The cells of one row, then (with `expandNested`) those of the layers inside it. */
function rowCells(row: Row, level: number, sequentialLike: boolean, options: Keras3SummaryOptions): string[][] {
  const prefix = level > 0 ? `${'   '.repeat(level)}└ ` : '';
  // Names come from the file: control characters are shown as escapes, never sent to the terminal.
  const cells = [escapeControls(`${prefix}${row.name} (${row.type})`), outputText(row.outputShape), paramsText(row)];
  if (!sequentialLike) cells.push(row.connectedTo.length > 0 ? escapeControls(row.connectedTo.join(', ')) : '-');
  if (options.showTrainable) cells.push(trainableText(row));
  const nested = options.expandNested ? (row.children ?? []) : [];
  return [cells, ...nested.flatMap((child) => rowCells(child, level + 1, sequentialLike, options))];
}

/** ` Total params: 93,322 (364.54 KB)` */
const footerLine = (label: string, count: number, bytes: number): string =>
  ` ${label}: ${groupDigits(count)} (${readableMemorySize(bytes, KERAS3_UNITS)})`;

/** The text Keras 3's `model.summary()` prints, ending in a newline. */
export function renderKeras3(summary: Summary, options: Keras3SummaryOptions = {}): string {
  const lineLength = options.lineLength ?? KERAS3_DEFAULT_LINE_LENGTH;
  const { positions, columns } = layout(summary.sequentialLike, options.showTrainable ?? false);
  const widths = kerasColumnWidths(lineLength, positions);
  if (!Number.isInteger(lineLength) || widths.some((w) => w < 4)) {
    throw new RangeError(`a line length of ${lineLength} leaves a summary column narrower than 4 characters`);
  }
  const table = renderRichTable(
    columns.map((c, i) => ({ ...c, width: widths[i]! })),
    summary.rows.flatMap((row) => rowCells(row, 0, summary.sequentialLike, options)),
    lineLength,
    new TextBudget(options.maxChars),
  );
  const t = summary.totals;
  return [
    `Model: "${escapeControls(summary.name)}"`,
    ...table,
    footerLine('Total params', t.params, t.bytes),
    footerLine('Trainable params', t.trainable, t.trainableBytes),
    footerLine('Non-trainable params', t.nonTrainable, t.nonTrainableBytes),
    '',
  ].join('\n');
}
