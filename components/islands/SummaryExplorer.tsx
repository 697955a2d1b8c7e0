/**
 * Lesson 1's `model.summary()` table where every row can be selected (click, or the keyboard:
 * Tab to the table, ↑/↓/Home/End between rows, Enter or Space to select) and is then explained in
 * a live region. The explanations arrive finished from the build (SummaryExplorer.astro), so this
 * island only owns which row is selected.
 */
import { useId, useState } from 'preact/hooks';
import type { Explanation, SummaryExplorerStrings } from './summary-explorer/explain-row.ts';

type Strings = Pick<SummaryExplorerStrings, 'hint' | 'columnLayer' | 'columnShape' | 'columnParams' | 'panelLabel' | 'panelEmpty'>;

export interface SummaryExplorerProps {
  caption: string;
  /** The table's cells as Keras 3 prints them: `conv2d_1 (Conv2D)`, `(None, 11, 11, 64)`, `18,496`. */
  rows: { label: string; shape: string; params: string }[];
  /** `Total params` → `93,322 (364.54 KB)`, and the two lines after it. */
  footer: { label: string; value: string }[];
  /** One per row, in row order. */
  explanations: Explanation[];
  totals: Explanation;
  strings: Strings;
}

/** A row index, or the footer. */
type Selection = number | 'totals' | null;

export default function SummaryExplorer({ caption, rows, footer, explanations, totals, strings: s }: SummaryExplorerProps) {
  const id = useId();
  const [selected, setSelected] = useState<Selection>(null);
  const stops: Selection[] = [...rows.map((_, i) => i), 'totals'];
  // Roving tabindex: one button of the table is in the Tab order, the selected one (or the first).
  const focusable = selected ?? 0;

  /** ↑/↓/Home/End move between the row buttons and select the row they land on. */
  const onKeyDown = (e: KeyboardEvent, at: number): void => {
    const next =
      e.key === 'ArrowDown' ? at + 1 : e.key === 'ArrowUp' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? stops.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const target = Math.min(Math.max(next, 0), stops.length - 1);
    setSelected(stops[target] ?? null);
    const buttons = (e.currentTarget as HTMLElement).closest('table')?.querySelectorAll<HTMLButtonElement>('button[data-stop]');
    buttons?.[target]?.focus();
  };

  const button = (label: string, stop: Selection, at: number) => (
    <button
      type="button"
      class="pl-explorer__select"
      data-stop={at}
      aria-pressed={selected === stop}
      aria-controls={`${id}-panel`}
      tabIndex={stop === focusable ? 0 : -1}
      onClick={() => setSelected(stop)}
      onKeyDown={(e) => onKeyDown(e, at)}
    >
      {label}
    </button>
  );

  const shown = selected === 'totals' ? totals : selected === null ? null : (explanations[selected] ?? null);
  return (
    <div class="pl-explorer">
      <p class="pl-explorer__hint" id={`${id}-hint`}>
        {s.hint}
      </p>
      <div class="pl-explorer__scroll">
        <table class="pl-explorer__table" aria-describedby={`${id}-hint`}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{s.columnLayer}</th>
              <th scope="col">{s.columnShape}</th>
              <th scope="col" class="pl-explorer__num">
                {s.columnParams}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={row.label} data-row={i} class={selected === i ? 'is-selected' : undefined} onClick={() => setSelected(i)}>
                <th scope="row">{button(row.label, i, i)}</th>
                <td>
                  <code>{row.shape}</code>
                </td>
                <td class="pl-explorer__num">{row.params}</td>
              </tr>
            ))}
          </tbody>
          <tfoot class={selected === 'totals' ? 'is-selected' : undefined}>
            {footer.map((line, i) => (
              <tr key={line.label} onClick={() => setSelected('totals')}>
                <th scope="row" colSpan={2}>
                  {i === 0 ? button(line.label, 'totals', rows.length) : line.label}
                </th>
                <td class="pl-explorer__num">{line.value}</td>
              </tr>
            ))}
          </tfoot>
        </table>
      </div>
      <div
        id={`${id}-panel`}
        class="pl-explorer__panel"
        role="region"
        aria-label={s.panelLabel}
        aria-live="polite"
        data-selected={selected ?? ''}
      >
        {shown === null ? (
          <p class="pl-explorer__empty">{s.panelEmpty}</p>
        ) : (
          <>
            <p class="pl-explorer__title">
              <strong>{shown.title}</strong>
            </p>
            <dl>
              {shown.parts.map((part) => (
                <div class="pl-explorer__part" key={part.kind} data-part={part.kind}>
                  <dt>{part.label}</dt>
                  <dd>
                    {part.text}
                    {part.code?.map((line) => (
                      <code class="pl-explorer__code" key={line}>
                        {line}
                      </code>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </>
        )}
      </div>
    </div>
  );
}
