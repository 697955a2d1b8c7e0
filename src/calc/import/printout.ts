/**
 * Reading a pasted `model.summary()` printout back into rows and totals: Keras 3's box-drawn
 * table (rich) at any width, and tf.keras's `___`/`===` tables of every era. A pasted text has
 * been through notebooks, terminals and web pages, so lines are read leniently (odd spaces, CRLF,
 * blank lines, prompts, prose around the table) and cells are joined back as each renderer wrapped
 * them: rich breaks only at spaces and cuts a long word with `…`; tf.keras cuts fields at fixed
 * columns (era A) or slices them onto continuation lines (eras B and C). One pass over the lines,
 * no backtracking, so a paste of megabytes is read in linear time.
 */
import { diagnostic, type DiagnosticCode, type ValuesOf } from '../diagnostics.ts';
import type { Diagnostic, OutputShape, Result, Shape } from '../types.ts';

export interface PrintedRow {
  /** As printed; ends with `…` when Keras cut it (then nameCut). */
  name: string;
  /** The class in parentheses, as printed (`BatchNormalizatio…` when cut, then typeCut). */
  type: string;
  nameCut: boolean;
  typeCut: boolean;
  /** null for `?`, `multiple`, or a shape cell that cannot be read (cut). */
  outputShape: OutputShape | null;
  /** The cell text joined back from its wrapped lines. */
  shapeText: string;
  /** Param # without separators; 0 for `0 (unbuilt)` / `0 (unused)`. */
  params: number;
  unbuilt: boolean;
  /** A Param # cell cut to `…` by a narrow table: params is then 0, not the count. */
  paramsCut: boolean;
  /** Connected to entries (`conv2d[0][0]`), empty when the column is absent or shows `-` / `[]`. */
  connectedTo: string[];
  /** The Trainable column (Y/N) when present, else null. */
  trainable: boolean | null;
  /** 1-based line in the pasted text where the row starts. */
  line: number;
  /** 0 for the model's own layers; 1, 2… for layers inside a nested model (`expand_nested=True`). */
  depth: number;
}

export interface Printout {
  style: 'keras3' | 'keras2';
  modelName: string | null;
  rows: PrintedRow[];
  totals: { params: number | null; trainable: number | null; nonTrainable: number | null; optimizer: number | null };
  /** Problems that do not stop reading: rows that do not add up to the totals, a cut cell. */
  warnings: Diagnostic[];
}

type Column = 'name' | 'shape' | 'params' | 'connected' | 'trainable';

/** One row's cells, each the list of its lines' texts, before they are joined back. */
interface RawRow {
  line: number;
  column: number;
  depth: number;
  cells: Map<Column, string[]>;
}

interface Table {
  style: Printout['style'];
  rows: RawRow[];
  /** Index of the header's first line and of the first line after the table. */
  start: number;
  end: number;
}

type Found = { ok: true; table: Table } | { ok: false; error: Diagnostic };

const fail = <C extends DiagnosticCode>(code: C, values: ValuesOf<C>, line: number, column = 1): { ok: false; error: Diagnostic } => ({
  ok: false,
  error: diagnostic(code, values, { line, column }),
});

// ---------------------------------------------------------------- lines

/** Spaces a web page or a CJK input method puts where Keras printed plain ones. */
const ODD_SPACES = /[\u00a0\u2007\u202f\u3000\t]/g;

/** Terminal colour and bold codes (`ESC[1m`) a log file keeps around rich's title and header. */
const ANSI_CODES = /\x1b\[[0-9;]*[A-Za-z]/g;

/** The pasted text as lines, with every kind of space made a plain one and terminal codes dropped. */
function linesOf(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').replace(ANSI_CODES, '').replace(ODD_SPACES, ' ').split('\n');
}

const isBlank = (line: string): boolean => line.trim() === '';

/** A line made only of the given characters (and spaces), with at least one of them. */
function onlyOf(line: string, chars: string): boolean {
  let seen = false;
  for (const c of line) {
    if (c === ' ') continue;
    if (!chars.includes(c)) return false;
    seen = true;
  }
  return seen;
}

// ---------------------------------------------------------------- sniffing

/** Cheap test used by detect.ts: a rich box with its header rule, or tf.keras's header words. */
export function looksLikePrintout(text: string): boolean {
  if (text.includes('┏') && text.includes('┡')) return true;
  return text.includes('Layer (type)') && text.includes('Output Shape');
}

// ---------------------------------------------------------------- Keras 3 (rich)

/** The cells between a line's first and last `sep`, or null when the line has fewer than two. */
function boxCells(line: string, sep: string): { cells: string[]; offset: number } | null {
  const first = line.indexOf(sep);
  const last = line.lastIndexOf(sep);
  if (first < 0 || last <= first) return null;
  return { cells: line.slice(first + 1, last).split(sep), offset: first + 1 };
}

/** What each column holds, from its header words; a header cut to `…` is told by its place. */
function keras3Columns(headers: string[]): Column[] {
  return headers.map((h, i): Column => {
    if (i === 0) return 'name';
    if (i === 1) return 'shape';
    if (i === 2) return 'params';
    if (h.startsWith('C')) return 'connected';
    if (h.startsWith('T')) return 'trainable';
    return headers.length === 5 && i === 3 ? 'connected' : 'trainable';
  });
}

/** `   └ name`: the nesting level of an `expand_nested` row (three spaces a level), and the name. */
function nestedPrefix(cell: string): { depth: number; text: string } {
  const body = cell.startsWith(' ') ? cell.slice(1) : cell;
  const indent = body.length - body.trimStart().length;
  if (!body.trimStart().startsWith('└')) return { depth: 0, text: cell.trim() };
  return { depth: Math.max(1, Math.round(indent / 3)), text: body.trimStart().slice(1).trim() };
}

/** Keras 3: header lines between `┏` and `┡`, then rows separated by `├` rules, to `└`. */
function keras3Table(lines: string[], start: number): Found {
  const headers: string[][] = [];
  let i = start;
  for (; i < lines.length && !lines[i]!.includes('┡'); i++) {
    const box = boxCells(lines[i]!, '┃');
    if (box) box.cells.forEach((c, k) => (headers[k] ??= []).push(c.trim()));
  }
  if (i >= lines.length || headers.length < 3) return fail('printout-no-rows', {}, start + 1);
  const columns = keras3Columns(headers.map((h) => h.filter(Boolean).join(' ')));
  const rows: RawRow[] = [];
  let row: RawRow | null = null;
  for (i++; i < lines.length; i++) {
    const line = lines[i]!;
    // The bottom rule; a nested row's `└` sits inside `│` cells.
    if (line.includes('└') && !line.includes('│')) break;
    if (line.includes('├')) {
      row = null;
      continue;
    }
    if (isBlank(line)) continue;
    const box = boxCells(line, '│');
    if (!box || box.cells.length !== columns.length) break;
    if (!row) {
      const { depth } = nestedPrefix(box.cells[0]!);
      row = { line: i + 1, column: box.offset + 1, depth, cells: new Map() };
      rows.push(row);
    }
    for (const [k, cell] of box.cells.entries()) {
      const text = k === 0 ? nestedPrefix(cell).text : cell.trim();
      const list = row.cells.get(columns[k]!) ?? [];
      list.push(text);
      row.cells.set(columns[k]!, list);
    }
  }
  return { ok: true, table: { style: 'keras3', rows, start, end: i } };
}

// ---------------------------------------------------------------- Keras 2 (tf.keras)

const KERAS2_HEADERS: [string, Column][] = [
  ['Output Shape', 'shape'],
  ['Param #', 'params'],
  ['Connected to', 'connected'],
  ['Trainable', 'trainable'],
];

/** Where each column starts on the header line (Layer (type) always at 0). */
function keras2Columns(header: string): { column: Column; from: number }[] {
  const found = KERAS2_HEADERS.map(([word, column]) => ({ column, from: header.indexOf(word) })).filter((c) => c.from > 0);
  return [{ column: 'name' as Column, from: 0 }, ...found.sort((a, b) => a.from - b.from)];
}

/** Python slices by code point; so does this, so that an emoji in a name does not shift the columns. */
function codePoints(line: string): string[] | string {
  return /[\ud800-\udfff]/.test(line) ? Array.from(line) : line;
}

/**
 * The text of each column on one line, trailing spaces dropped. Inside `depth` `|` borders era B
 * writes every column `depth` characters early; era C only the last, but its columns end at least
 * three spaces before the next, so reading `depth` early is right for both.
 */
function sliceColumns(line: string, columns: { from: number }[], depth: number): string[] {
  const chars = codePoints(line);
  const from = (k: number): number => (k === 0 ? 0 : Math.max(0, columns[k]!.from - depth));
  return columns.map((_, k) => {
    const to = k + 1 < columns.length ? from(k + 1) : chars.length;
    const part = chars.slice(from(k), to);
    return (typeof part === 'string' ? part : part.join('')).trimEnd();
  });
}

/** Whether a count's parenthesis is still open after this piece (`0 (unus` wrapped in a narrow column). */
const stillOpen = (open: boolean, piece: string): boolean => (open || piece.includes('(')) && !piece.includes(')');

/** The cell without the `|` borders an expanded nested model closes its lines with. */
function dropClosingBars(cell: string): string {
  let end = cell.length;
  while (end > 0 && cell[end - 1] === '|') end--;
  return cell.slice(0, end).trimEnd();
}

const leadingBars = (line: string): number => {
  let n = 0;
  while (line[n] === '|') n++;
  return n;
};

/** `|| name (Type)`: the `|` borders of an expanded nested model, and the cell inside them. */
function keras2Nesting(cell: string): { depth: number; text: string } {
  const depth = leadingBars(cell);
  const text = cell.slice(depth);
  return { depth, text: text.startsWith(' ') ? text.slice(1) : text };
}

/** tf.keras: the header line, a `===` rule, then rows (each starting with its Param #) to the next `===`. */
function keras2Table(lines: string[], start: number): Found {
  const columns = keras2Columns(lines[start]!);
  const paramsAt = columns.findIndex((c) => c.column === 'params');
  if (paramsAt < 0) return fail('printout-not-found', {}, start + 1);
  let i = start + 1;
  while (i < lines.length && !onlyOf(lines[i]!, '=')) i++;
  const rows: RawRow[] = [];
  let row: RawRow | null = null;
  // A Param # cell wrapped mid-count continues its row instead of starting one.
  let open = false;
  for (i++; i < lines.length; i++) {
    const line = lines[i]!;
    if (onlyOf(line, '=') || line.trimStart().startsWith('Total params:')) break;
    if (isBlank(line) || onlyOf(line, '_¯|')) continue;
    const cells = sliceColumns(line, columns, leadingBars(line));
    const nesting = keras2Nesting(cells[0]!);
    cells[0] = nesting.text;
    const lastAt = cells.length - 1;
    cells[lastAt] = dropClosingBars(cells[lastAt]!);
    const params = cells[paramsAt]!.trim();
    if (params !== '' && (!row || !open)) {
      row = { line: i + 1, column: 1, depth: nesting.depth, cells: new Map(columns.map((c) => [c.column, []])) };
      rows.push(row);
      open = false;
    }
    if (!row) continue;
    open = stillOpen(open, params);
    cells.forEach((cell, k) => row!.cells.get(columns[k]!.column)!.push(cell));
  }
  return { ok: true, table: { style: 'keras2', rows, start, end: i } };
}

// ---------------------------------------------------------------- finding the table

/** The first table header in the text: rich's `┃` header or tf.keras's header words. */
function findTable(lines: string[]): Found {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.includes('┃')) return keras3Table(lines, i);
    if (line.includes('Layer (type)') && line.includes('Output Shape')) return keras2Table(lines, i);
  }
  return fail('printout-not-found', {}, 1);
}

/** `Model: "sequential"` just above the table (prompts and rules may sit between). */
function modelName(lines: string[], start: number): string | null {
  for (let i = start - 1; i >= Math.max(0, start - 4); i--) {
    const line = lines[i]!;
    const at = line.indexOf('Model: "');
    if (at < 0) continue;
    const end = line.lastIndexOf('"');
    return end > at + 7 ? line.slice(at + 8, end) : null;
  }
  return null;
}

// ---------------------------------------------------------------- cells

/** Joins a cell's lines as its renderer wrapped them: rich at spaces, tf.keras by plain slicing. */
const joinCell = (lines: readonly string[] | undefined, style: Printout['style']): string =>
  (lines ?? []).filter((l) => l !== '').join(style === 'keras3' ? ' ' : '');

/** `name (Type)`, split at the last parenthesis; a cut type keeps what was printed. */
function nameAndType(text: string, style: Printout['style']) {
  const open = text.lastIndexOf('(');
  if (open < 0) return { name: text, type: '', nameCut: text.endsWith('…') || style === 'keras2', typeCut: true };
  const name = text.slice(0, open).trimEnd();
  const closed = text.endsWith(')');
  const type = text.slice(open + 1, closed ? -1 : undefined);
  return { name, type, nameCut: name.endsWith('…'), typeCut: !closed };
}

/** `18,496` → 18496; `0 (unbuilt)` (Keras 3) and `0 (unused)` (tf.keras) → 0, unbuilt. */
function readCount(text: string): { params: number; unbuilt: boolean; cut: boolean } | null {
  if (text.startsWith('0 (un')) return { params: 0, unbuilt: true, cut: false };
  if (text.endsWith('…')) return { params: 0, unbuilt: false, cut: true };
  if (!/^\d[\d,]*$/.test(text)) return null;
  return { params: Number(text.replaceAll(',', '')), unbuilt: false, cut: false };
}

/** A tiny scanner for `(None, 26, 26, 32)`, `[(None, 5), (None, 5)]`; null for anything else. */
function readShape(text: string): OutputShape | null {
  const s = text.replace(/\s+/g, '');
  let at = 0;
  const tuple = (): Shape | null => {
    if (s[at] !== '(') return null;
    at++;
    const dims: Shape = [];
    while (s[at] !== ')') {
      if (s.startsWith('None', at)) {
        dims.push(null);
        at += 4;
      } else {
        const from = at;
        while (s[at]! >= '0' && s[at]! <= '9') at++;
        if (at === from) return null;
        dims.push(Number(s.slice(from, at)));
      }
      if (s[at] === ',') at++;
      else if (s[at] !== ')') return null;
    }
    at++;
    return dims;
  };
  if (s[0] !== '[') {
    const one = tuple();
    return one && at === s.length ? one : null;
  }
  at = 1;
  const shapes: Shape[] = [];
  while (s[at] === '(') {
    const one = tuple();
    if (!one) return null;
    shapes.push(one);
    if (s[at] === ',') at++;
  }
  if (s[at] !== ']' || at !== s.length - 1 || shapes.length === 0) return null;
  // tf.keras prints an InputLayer's one shape as a one-element list.
  return shapes.length === 1 ? shapes[0]! : shapes;
}

/** The quoted strings of a Python list repr: `['a[0][0]', 'b[0][0]']`. */
function quotedItems(text: string): string[] {
  const items: string[] = [];
  for (let at = 0; at < text.length; at++) {
    const quote = text[at];
    if (quote !== "'" && quote !== '"') continue;
    const end = text.indexOf(quote, at + 1);
    items.push(text.slice(at + 1, end < 0 ? undefined : end));
    if (end < 0) break;
    at = end;
  }
  return items;
}

/** Connected to: rich's `a[0][0], b[0][0]`, tf.keras's list repr, or era A's one entry a line. */
function connections(lines: readonly string[] | undefined, style: Printout['style']): string[] {
  if (!lines) return [];
  const text = joinCell(lines, style).trim();
  if (text === '' || text === '-' || text === '[]') return [];
  if (style === 'keras2') return text.startsWith('[') ? quotedItems(text) : lines.map((l) => l.trim()).filter(Boolean);
  // rich breaks a cell only at spaces, which here follow commas, and cuts a word too long with …:
  // every line end ends an entry (`input_layer[0][0…` then `input_layer[0][0]` are two)
  return lines
    .flatMap((l) => l.split(','))
    .map((e) => e.trim())
    .filter(Boolean);
}

const trainableFlag = (text: string): boolean | null => (text === 'Y' ? true : text === 'N' ? false : null);

/** One row from its cells; an unreadable Param # stops the reading with a located error. */
function readRow(raw: RawRow, style: Printout['style'], warnings: Diagnostic[]): Result<PrintedRow> {
  const id = nameAndType(joinCell(raw.cells.get('name'), style).trim(), style);
  const countText = joinCell(raw.cells.get('params'), style).trim();
  const count = readCount(countText);
  if (!count) return { ok: false, error: diagnostic('printout-bad-count', { text: countText }, { line: raw.line, column: raw.column }) };
  const shapeText = joinCell(raw.cells.get('shape'), style).trim();
  const connectedTo = connections(raw.cells.get('connected'), style);
  const row: PrintedRow = {
    ...id,
    outputShape: readShape(shapeText),
    shapeText,
    params: count.params,
    unbuilt: count.unbuilt,
    paramsCut: count.cut,
    connectedTo,
    trainable: raw.cells.has('trainable') ? trainableFlag(joinCell(raw.cells.get('trainable'), style).trim()) : null,
    line: raw.line,
    depth: raw.depth,
  };
  const cut = row.nameCut || row.typeCut || count.cut || shapeText.includes('…') || connectedTo.some((c) => c.endsWith('…'));
  if (cut) warnings.push(diagnostic('printout-cell-cut', { layer: row.name }, { line: raw.line }));
  return { ok: true, value: row };
}

// ---------------------------------------------------------------- footer and checks

const FOOTER: [string, keyof Printout['totals']][] = [
  ['Total params:', 'params'],
  ['Trainable params:', 'trainable'],
  ['Non-trainable params:', 'nonTrainable'],
  ['Optimizer params:', 'optimizer'],
];

/** `Total params: 93,322 (364.54 KB)` and its siblings, from the lines after the table. */
function readFooter(lines: string[], from: number): Printout['totals'] {
  const totals: Printout['totals'] = { params: null, trainable: null, nonTrainable: null, optimizer: null };
  for (let i = from; i < lines.length && i < from + 12; i++) {
    const line = lines[i]!.trim();
    for (const [label, key] of FOOTER) {
      if (!line.startsWith(label) || totals[key] !== null) continue;
      const digits = /^[\d,]+/.exec(line.slice(label.length).trimStart());
      if (digits) totals[key] = Number(digits[0].replaceAll(',', ''));
    }
  }
  return totals;
}

/**
 * The printout's own arithmetic: the model's rows (not those inside an expanded nested model) add
 * up to Total params, and so do trainable + non-trainable. Keras 3 adds the optimizer's variables
 * to Total params once they exist (`Optimizer params:`), so those are taken off first.
 */
function checkTotals(rows: PrintedRow[], totals: Printout['totals'], line: number): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  if (totals.params === null) return [diagnostic('printout-no-footer', { rows: rows.length }, { line })];
  const layers = totals.params - (totals.optimizer ?? 0);
  const sum = rows.filter((r) => r.depth === 0).reduce((n, r) => n + r.params, 0);
  if (sum !== layers) warnings.push(diagnostic('printout-total-mismatch', { rows: sum, total: layers }, { line }));
  const { trainable, nonTrainable } = totals;
  if (trainable !== null && nonTrainable !== null && trainable + nonTrainable !== layers) {
    warnings.push(diagnostic('printout-split-mismatch', { trainable, nonTrainable, total: layers }, { line }));
  }
  return warnings;
}

// ---------------------------------------------------------------- reading

/** The rows and totals of the first `model.summary()` printout in a pasted text. */
export function readPrintout(text: string): Result<Printout> {
  const lines = linesOf(text);
  const found = findTable(lines);
  if (!found.ok) return found;
  const { table } = found;
  if (table.rows.length === 0) return fail('printout-no-rows', {}, Math.min(table.end, lines.length - 1) + 1);
  const warnings: Diagnostic[] = [];
  const rows: PrintedRow[] = [];
  for (const raw of table.rows) {
    const row = readRow(raw, table.style, warnings);
    if (!row.ok) return row;
    rows.push(row.value);
  }
  const totals = readFooter(lines, table.end);
  warnings.push(...checkTotals(rows, totals, Math.min(table.end, lines.length - 1) + 1));
  return {
    ok: true,
    value: { style: table.style, modelName: modelName(lines, table.start), rows, totals, warnings },
  };
}
