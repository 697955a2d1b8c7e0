/**
 * A rich `Table` as Keras 3's summary draws it: box style HEAVY_HEAD (heavy lines around the
 * header, light ones below), `show_lines=True` (a rule between every two rows), one space of
 * padding in each cell, every line exactly the table's width.
 */
import { drawnContentWidths } from './rich-widths.ts';
import { cellLines, type Justify } from './rich-wrap.ts';
import { TextBudget } from './text-budget.ts';

export interface TableColumn {
  header: string;
  /** The fixed width Keras gives the column (before rich takes back the excess). */
  width: number;
  justify: Justify;
}

/** The characters of one line of a box: left, fill, divider, right. */
interface Rule {
  left: string;
  fill: string;
  divider: string;
  right: string;
}

/** rich's `box.HEAVY_HEAD`. */
const HEAVY_HEAD = {
  top: { left: '┏', fill: '━', divider: '┳', right: '┓' },
  headRow: { left: '┃', fill: ' ', divider: '┃', right: '┃' },
  headRule: { left: '┡', fill: '━', divider: '╇', right: '┩' },
  row: { left: '│', fill: ' ', divider: '│', right: '│' },
  rowRule: { left: '├', fill: '─', divider: '┼', right: '┤' },
  bottom: { left: '└', fill: '─', divider: '┴', right: '┘' },
} satisfies Record<string, Rule>;

const rule = (r: Rule, widths: readonly number[]): string => r.left + widths.map((w) => r.fill.repeat(w + 2)).join(r.divider) + r.right;

/** The text lines of one table row: cells wrapped, shorter cells padded with blank lines. */
function rowLines(
  cells: readonly string[],
  columns: readonly TableColumn[],
  widths: readonly number[],
  edges: Rule,
  budget: TextBudget,
): string[] {
  // Column by column, line by line: the budget stops a huge cell before it is all wrapped.
  const wrapping = widths.map((w, i) => cellLines(cells[i] ?? '', w, columns[i]?.justify ?? 'left'));
  const lines: string[] = [];
  for (;;) {
    const next = wrapping.map((lines) => lines.next());
    if (next.every((n) => n.done)) return lines;
    const parts = next.map((n, i) => ` ${n.done ? ' '.repeat(widths[i] ?? 0) : n.value} `);
    lines.push(budget.take(edges.left + parts.join(edges.divider) + edges.right));
  }
}

/** The table's lines, top border to bottom border, each `lineLength` columns wide, within `budget`. */
export function renderRichTable(
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  lineLength: number,
  budget = new TextBudget(),
): string[] {
  const widths = drawnContentWidths(
    lineLength,
    columns.map((c) => c.width),
  );
  const lines = [
    rule(HEAVY_HEAD.top, widths),
    ...rowLines(
      columns.map((c) => c.header),
      columns,
      widths,
      HEAVY_HEAD.headRow,
      budget,
    ),
    rule(HEAVY_HEAD.headRule, widths),
  ];
  const between = rule(HEAVY_HEAD.rowRule, widths);
  rows.forEach((cells, i) => {
    if (i > 0) lines.push(budget.take(between));
    // A loop, not push(...): a name of megabytes wraps onto more lines than a call takes arguments.
    for (const line of rowLines(cells, columns, widths, HEAVY_HEAD.row, budget)) lines.push(line);
  });
  lines.push(rule(HEAVY_HEAD.bottom, widths));
  return lines;
}
