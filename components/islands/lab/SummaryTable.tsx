/**
 * The summary as an accessible table in Keras's columns (Connected to for a graph, Trainable), plus
 * the numbers Keras does not print: multiply-accumulates, FLOPs and activation memory per example.
 * Each layer name is a button that opens the row's details right under it (the explanation, and
 * for a model the lab built, its arguments to edit); ↑/↓/Home/End move between the buttons. Rows are
 * memoised on their text, so editing one layer of a long model re-renders the rows that changed.
 */
import { memo } from 'preact/compat';
import { useCallback, useId, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { fill } from '@i18n/fill.ts';
import type { LabStrings, RowView, TotalsView } from './evaluate.ts';

/** Rows drawn at first; a longer model shows a button for the rest (a 5,000-layer file stays usable). */
export const ROWS_PER_PAGE = 400;

interface RowProps {
  row: RowView;
  index: number;
  functional: boolean;
  open: boolean;
  focusable: boolean;
  broken: boolean;
  collapsed: boolean;
  s: LabStrings;
  onToggle: (key: string) => void;
  onExpand: (key: string) => void;
  onKey: (e: KeyboardEvent, index: number) => void;
}

/** Two rows that show the same: every field is a string, number, boolean or list of strings. */
function sameRow(a: RowView, b: RowView): boolean {
  if (a === b) return true;
  for (const key of Object.keys(a) as (keyof RowView)[]) {
    const x = a[key];
    const y = b[key];
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length || x.some((v, i) => v !== y[i])) return false;
    } else if (x !== y) return false;
  }
  return Object.keys(a).length === Object.keys(b).length;
}

const sameProps = (a: RowProps, b: RowProps): boolean =>
  sameRow(a.row, b.row) &&
  a.index === b.index &&
  a.functional === b.functional &&
  a.open === b.open &&
  a.focusable === b.focusable &&
  a.broken === b.broken &&
  a.collapsed === b.collapsed &&
  a.s === b.s &&
  a.onToggle === b.onToggle &&
  a.onExpand === b.onExpand &&
  a.onKey === b.onKey;

const TableRow = memo(function TableRow({
  row,
  index,
  functional,
  open,
  focusable,
  broken,
  collapsed,
  s,
  onToggle,
  onExpand,
  onKey,
}: RowProps) {
  return (
    <tr
      data-row={row.key}
      data-name={row.name}
      data-status={row.status}
      data-depth={row.depth}
      data-broken={broken ? 'true' : undefined}
      class={open ? 'is-open' : undefined}
      // a click on the shape or the count opens the row too; the keyboard uses the name's button
      onClick={(e) => {
        if (!(e.target as HTMLElement).closest('button')) onToggle(row.key);
      }}
    >
      <th scope="row" style={row.depth > 0 ? { paddingInlineStart: `${0.5 + row.depth * 1.25}rem` } : undefined}>
        {row.hasChildren && (
          <button
            type="button"
            class="pl-lab__twisty"
            aria-expanded={!collapsed}
            aria-label={fill(collapsed ? s.expandNested : s.collapseNested, { name: row.name })}
            onClick={() => onExpand(row.key)}
          >
            {collapsed ? '▸' : '▾'}
          </button>
        )}
        <button
          type="button"
          class="pl-lab__select"
          data-stop={index}
          aria-expanded={open}
          tabIndex={focusable ? 0 : -1}
          onClick={() => onToggle(row.key)}
          onKeyDown={(e) => onKey(e, index)}
        >
          {row.name} <span class="pl-lab__type">({row.type})</span>
        </button>
        {row.reading && (
          <span class="pl-lab__reading" data-reading={row.reading}>
            {row.reading === 'exact' ? s.readingExact : row.reading === 'ambiguous' ? s.readingAmbiguous : s.readingNone}
          </span>
        )}
      </th>
      <td>
        <code>{row.shape}</code>
      </td>
      <td class="pl-lab__num" data-col="params">
        {row.params}
      </td>
      {functional && (
        <td class="pl-lab__connected">
          {/* one reference per line, as Keras prints them */}
          {row.connected.map((c, i) => (
            // the same tensor can be passed twice (attention on (x, x)): keys by position
            // keyed by position: the list is rebuilt whole, never reordered
            <span key={i}>{c}</span>
          ))}
        </td>
      )}
      <td class="pl-lab__center">{row.trainable ? s.yes : s.no}</td>
      <td class="pl-lab__num pl-lab__extra">{row.macs ?? '?'}</td>
      <td class="pl-lab__num pl-lab__extra">{row.flops ?? '?'}</td>
      <td class="pl-lab__num pl-lab__extra">{row.memory ?? '?'}</td>
    </tr>
  );
}, sameProps);

export interface SummaryTableProps {
  caption: string;
  rows: RowView[];
  totals: TotalsView;
  functional: boolean;
  open: string | null;
  /** Nested models whose rows are shown (Keras's `expand_nested`); the others are folded. */
  expanded: ReadonlySet<string>;
  brokenId?: number | undefined;
  limit: number;
  s: LabStrings;
  onToggle: (key: string) => void;
  onExpand: (key: string) => void;
  onMore: () => void;
  /** The details of the open row, drawn right under it. */
  details: ComponentChildren;
}

export function SummaryTable({
  caption,
  rows,
  totals,
  functional,
  open,
  expanded,
  brokenId,
  limit,
  s,
  onToggle,
  onExpand,
  onMore,
  details,
}: SummaryTableProps) {
  // a folded nested model hides every row under it
  const visible: RowView[] = [];
  let hiddenUnder: string | null = null;
  for (const r of rows) {
    if (hiddenUnder !== null && r.key.startsWith(`${hiddenUnder}/`)) continue;
    hiddenUnder = r.hasChildren && !expanded.has(r.key) ? r.key : null;
    visible.push(r);
  }
  const shown = visible.slice(0, limit);
  const openIndex = shown.findIndex((r) => r.key === open);
  const focusable = Math.max(openIndex, 0);
  const columns = 7 + (functional ? 1 : 0);

  const count = useRef(shown.length);
  count.current = shown.length;
  // one function for every row, so a row's memo sees the same prop across renders
  const onKey = useCallback((e: KeyboardEvent, at: number): void => {
    const last = count.current - 1;
    const next = e.key === 'ArrowDown' ? at + 1 : e.key === 'ArrowUp' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? last : null;
    if (next === null) return;
    e.preventDefault();
    const target = Math.min(Math.max(next, 0), last);
    const table = (e.currentTarget as HTMLElement).closest('table');
    table?.querySelector<HTMLButtonElement>(`button[data-stop="${target}"]`)?.focus();
  }, []);

  const captionId = useId();
  return (
    <>
      <p class="pl-lab__caption" id={captionId}>
        {caption}
      </p>
      <div class="pl-lab__scroll pl-scroll not-content">
        <table class="pl-lab__table" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">{s.columnLayer}</th>
              <th scope="col">{s.columnShape}</th>
              <th scope="col" class="pl-lab__num">
                {s.columnParams}
              </th>
              {functional && <th scope="col">{s.columnConnected}</th>}
              <th scope="col">{s.columnTrainable}</th>
              <th scope="col" class="pl-lab__num pl-lab__extra">
                {s.columnMacs}
              </th>
              <th scope="col" class="pl-lab__num pl-lab__extra">
                {s.columnFlops}
              </th>
              <th scope="col" class="pl-lab__num pl-lab__extra">
                {s.columnMemory}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row, i) => [
              <TableRow
                key={row.key}
                row={row}
                index={i}
                functional={functional}
                open={row.key === open}
                focusable={i === focusable}
                broken={brokenId !== undefined && row.stateId === brokenId}
                collapsed={!expanded.has(row.key)}
                s={s}
                onToggle={onToggle}
                onExpand={onExpand}
                onKey={onKey}
              />,
              row.key === open ? (
                <tr key={`${row.key}//details`} class="pl-lab__details-row">
                  <td colSpan={columns}>{details}</td>
                </tr>
              ) : null,
            ])}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {s.totalParams}
              </th>
              <td class="pl-lab__num" data-total="params">
                {totals.params} ({totals.bytes})
              </td>
              <td colSpan={columns - 6} />
              <td class="pl-lab__num pl-lab__extra" data-total="macs">
                {totals.macs ?? '?'}
              </td>
              <td class="pl-lab__num pl-lab__extra" data-total="flops">
                {totals.flops ?? '?'}
              </td>
              <td class="pl-lab__num pl-lab__extra" data-total="memory">
                {totals.memory ?? '?'}
              </td>
            </tr>
            <tr>
              <th scope="row" colSpan={2}>
                {s.trainableParams}
              </th>
              <td class="pl-lab__num" data-total="trainable">
                {totals.trainable} ({totals.trainableBytes})
              </td>
              <td colSpan={columns - 3} />
            </tr>
            <tr>
              <th scope="row" colSpan={2}>
                {s.nonTrainableParams}
              </th>
              <td class="pl-lab__num" data-total="non-trainable">
                {totals.nonTrainable} ({totals.nonTrainableBytes})
              </td>
              <td colSpan={columns - 3} />
            </tr>
          </tfoot>
        </table>
        {visible.length > shown.length && (
          <p class="pl-lab__more">
            {fill(s.rowsShown, { shown: shown.length, total: visible.length })}{' '}
            <button type="button" onClick={onMore}>
              {s.showMoreRows}
            </button>
          </p>
        )}
      </div>
    </>
  );
}
