/**
 * Take the model away: Keras 3 Python (Shiki-highlighted), the Keras 3 and Keras 2 summary texts,
 * or JSON; each shown, copyable and downloadable. The texts come from exports.ts, fetched the
 * first time the panel opens.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import type { Model } from '@calc/basics.ts';
import type { Summary } from '@calc/engine.ts';
import { fill } from '@i18n/fill.ts';
import type { LabStrings } from './evaluate.ts';
import type { ColoredToken, Exported, ExportFormat } from './exports.ts';

type ExportsModule = typeof import('./exports.ts');
let module: Promise<ExportsModule> | null = null;
const load = (): Promise<ExportsModule> => (module ??= import('./exports.ts'));

const FORMATS: ExportFormat[] = ['python', 'keras3', 'keras2', 'json'];

export function Exports({ summary, model, s }: { summary: Summary; model: Model | undefined; s: LabStrings }) {
  const id = useId();
  const [format, setFormat] = useState<ExportFormat>('python');
  /** The text of the format it was made for: a switch shows nothing stale while the new one is made. */
  const [made, setOut] = useState<{ format: ExportFormat; out: Exported } | null>(null);
  const out = made?.format === format ? made.out : null;
  const [colored, setColored] = useState<ColoredToken[][] | null>(null);
  const [copied, setCopied] = useState('');

  useEffect(() => {
    let live = true;
    setColored(null);
    setCopied('');
    void load().then(({ exportText, pythonTokens }) => {
      if (!live) return;
      const text = exportText(format, summary, model);
      setOut({ format, out: text });
      if (format === 'python' && text.ok)
        void pythonTokens(text.text).then(
          (lines) => live && setColored(lines),
          () => undefined,
        );
    });
    return () => {
      live = false;
    };
  }, [format, summary, model]);

  const labels: Record<ExportFormat, string> = {
    python: s.exportPython,
    keras3: s.exportKeras3,
    keras2: s.exportKeras2,
    json: s.exportJson,
  };
  const copy = async (): Promise<void> => {
    if (!out?.ok) return;
    try {
      await navigator.clipboard.writeText(out.text);
      setCopied(s.copied);
    } catch {
      setCopied(s.copyFailed);
    }
  };
  const download = (): void => {
    if (!out?.ok) return;
    const url = URL.createObjectURL(new Blob([out.text], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = out.filename;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <div class="pl-lab__exports">
      <div role="radiogroup" aria-label={s.exportFormat} class="pl-lab__formats">
        {FORMATS.map((f) => (
          <label key={f} class="pl-lab__format">
            <input type="radio" name={`${id}-format`} value={f} checked={format === f} onChange={() => setFormat(f)} />
            {labels[f]}
          </label>
        ))}
      </div>
      {out && !out.ok && (
        <p class="pl-lab__notice" data-export-problem={out.why} data-detail={out.why === 'unavailable' ? out.detail : undefined}>
          {out.why === 'no-model' ? s.exportNoModel : s.exportUnavailable}
        </p>
      )}
      {out?.ok && (
        <>
          <div class="pl-lab__export-actions">
            <button type="button" onClick={() => void copy()}>
              {s.copy}
            </button>
            <button type="button" onClick={download}>
              {fill(s.download, { file: out.filename })}
            </button>
            <span role="status">{copied}</span>
          </div>
          <pre class="pl-lab__export pl-shiki pl-scroll" data-format={format}>
            <code>
              {colored && format === 'python'
                ? colored.map((line, i) => (
                    <span class="line" key={i}>
                      {line.map((t, j) => (
                        <span key={j} style={t.style}>
                          {t.content}
                        </span>
                      ))}
                      {'\n'}
                    </span>
                  ))
                : out.text}
            </code>
          </pre>
        </>
      )}
    </div>
  );
}
