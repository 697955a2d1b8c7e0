/**
 * A code editor the size of a textarea: the reader types into a real <textarea> (every keyboard,
 * screen reader and phone behaviour intact) laid over a <pre> that draws the same text highlighted,
 * with a wavy underline where a diagnostic points (line and column). Both scroll together. The
 * highlighting arrives with the Python reader; until then the text shows plain.
 */
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import type { Token } from './highlight.ts';

export interface Mark {
  line: number;
  column: number;
}

/** The offset of a 1-based line and column in `text`, clamped to the text. */
export function offsetOf(text: string, { line, column }: Mark): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', at);
    if (next < 0) return text.length;
    at = next + 1;
  }
  const end = text.indexOf('\n', at);
  return Math.min(at + Math.max(column - 1, 0), end < 0 ? text.length : end);
}

/** The marked stretch: from the column to the end of the word there (at least one character). */
function markRange(text: string, mark: Mark): [number, number] {
  const from = offsetOf(text, mark);
  let to = from;
  while (to < text.length && /[\w.]/.test(text[to]!)) to++;
  return [from, Math.max(to, Math.min(from + 1, text.length))];
}

function segments(text: string, tokens: readonly Token[], mark: Mark | null): ComponentChildren[] {
  const [mFrom, mTo] = mark ? markRange(text, mark) : [-1, -1];
  // cut points: token edges and the mark's
  const cuts = new Set<number>([0, text.length]);
  for (const t of tokens) {
    cuts.add(t.from);
    cuts.add(t.to);
  }
  if (mark) {
    cuts.add(mFrom);
    cuts.add(mTo);
  }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const out: ComponentChildren[] = [];
  let ti = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    while (ti < tokens.length && tokens[ti]!.to <= from) ti++;
    const token = tokens[ti];
    const cls = token && token.from <= from && token.to >= to ? token.cls : undefined;
    const piece = text.slice(from, to);
    const marked = from >= mFrom && to <= mTo;
    const node = cls ? <span class={cls}>{piece}</span> : piece;
    out.push(marked ? <mark class="pl-code__mark">{node}</mark> : node);
  }
  // a trailing newline needs a character after it, or the <pre> is one line shorter than the textarea
  out.push(' ');
  return out;
}

export interface CodeEditorProps {
  id: string;
  value: string;
  tokens: readonly Token[];
  mark: Mark | null;
  describedBy?: string;
  invalid: boolean;
  placeholder: string;
  onInput: (text: string) => void;
  onPaste?: (e: ClipboardEvent) => void;
}

export function CodeEditor({ id, value, tokens, mark, describedBy, invalid, placeholder, onInput, onPaste }: CodeEditorProps) {
  const view = useRef<HTMLPreElement>(null);
  return (
    <div class="pl-code">
      <pre class="pl-code__view pl-scroll" aria-hidden="true" ref={view}>
        <code>{segments(value, tokens, mark)}</code>
      </pre>
      <textarea
        id={id}
        class="pl-code__input"
        value={value}
        spellcheck={false}
        autoComplete="off"
        autoCapitalize="off"
        wrap="off"
        placeholder={placeholder}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onInput={(e) => onInput(e.currentTarget.value)}
        onPaste={onPaste}
        onScroll={(e) => {
          if (!view.current) return;
          view.current.scrollTop = e.currentTarget.scrollTop;
          view.current.scrollLeft = e.currentTarget.scrollLeft;
        }}
      />
    </div>
  );
}
