/**
 * Put items in order: a list with Move up / Move down buttons on every item, so it works with a
 * keyboard alone. Focus follows the item that moved (on the same button, or the other one when the
 * item reached an end), and a live region says where it went.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { fill } from '@i18n/fill.ts';
import { diagnoseOrder, type Locale, type ResponseData } from './diagnose.ts';
import type { Outcome } from './feedback.ts';
import { plainText, withInlineCode } from './inline-code.tsx';
import type { ExerciseStrings } from './strings.ts';

type OrderResponse = Extract<ResponseData, { kind: 'order' }>;

interface Props {
  response: OrderResponse;
  prompt: ComponentChildren;
  display: ComponentChildren;
  locale: Locale;
  strings: ExerciseStrings;
  feedbackId: string;
  onOutcome(outcome: Outcome): void;
}

/** The list with the item at `from` moved one place up (-1) or down (+1). */
export function moved(order: readonly string[], from: number, step: -1 | 1): string[] {
  const to = from + step;
  if (from < 0 || to < 0 || to >= order.length) return [...order];
  const out = [...order];
  [out[from], out[to]] = [out[to]!, out[from]!];
  return out;
}

export function Order({ response, prompt, display, locale, strings, feedbackId, onOutcome }: Props) {
  const [order, setOrder] = useState<string[]>(() => response.options.map((o) => o.id));
  const [said, setSaid] = useState('');
  const [verdict, setVerdict] = useState<'none' | 'right' | 'wrong'>('none');
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());
  const follow = useRef<{ id: string; step: -1 | 1 } | null>(null);
  const label = (id: string): string => response.options.find((o) => o.id === id)?.label[locale] ?? id;

  // before paint: the moved button was taken out of the document and lost focus
  useLayoutEffect(() => {
    const f = follow.current;
    if (!f) return;
    follow.current = null;
    const same = buttons.current.get(`${f.id}:${f.step}`);
    const other = buttons.current.get(`${f.id}:${-f.step}`);
    (same && !same.disabled ? same : other)?.focus();
  }, [order]);

  const move = (index: number, step: -1 | 1): void => {
    const id = order[index]!;
    const next = moved(order, index, step);
    follow.current = { id, step };
    setOrder(next);
    setVerdict('none');
    setSaid(fill(strings.moved, { item: plainText(label(id)), position: index + step + 1, total: next.length }));
  };

  const check = (event: Event): void => {
    event.preventDefault();
    const d = diagnoseOrder(response, order);
    setVerdict(d.verdict);
    onOutcome(
      d.verdict === 'right'
        ? { feedback: { kind: 'right', afterSolution: false, again: false }, record: { ok: true } }
        : { feedback: { kind: 'order', inPlace: d.inPlace, total: response.correct.length }, record: { ok: false } },
    );
  };

  return (
    <form class="pl-ex__form" onSubmit={check} noValidate>
      <fieldset class="pl-ex__fieldset" data-verdict={verdict} aria-describedby={feedbackId}>
        <legend class="pl-ex__prompt">{prompt}</legend>
        {display}
        <p class="pl-ex__order-by">{withInlineCode(fill(strings.orderBy, { by: response.by[locale] }))}</p>
        <ol class="pl-ex__order" data-order={order.join(' ')}>
          {order.map((id, i) => (
            <li key={id} class="pl-ex__order-item" data-option={id}>
              <span class="pl-ex__order-label">{withInlineCode(label(id))}</span>
              <span class="pl-ex__order-buttons">
                {([-1, 1] as const).map((step) => (
                  <button
                    key={step}
                    type="button"
                    class="pl-ex__move"
                    data-move={step === -1 ? 'up' : 'down'}
                    ref={(el) => {
                      buttons.current.set(`${id}:${step}`, el);
                    }}
                    disabled={step === -1 ? i === 0 : i === order.length - 1}
                    aria-label={fill(step === -1 ? strings.moveUpLabel : strings.moveDownLabel, { item: plainText(label(id)) })}
                    onClick={() => move(i, step)}
                  >
                    <span aria-hidden="true">{step === -1 ? '↑' : '↓'}</span> {step === -1 ? strings.moveUp : strings.moveDown}
                  </button>
                ))}
              </span>
            </li>
          ))}
        </ol>
        <p class="pl-ex__sr" aria-live="polite">
          {said}
        </p>
      </fieldset>
      <button type="submit" class="pl-ex__check">
        {strings.check}
      </button>
    </form>
  );
}
