/**
 * Progress as a file: export downloads `param-lab-progress.json`, import adds a file's attempts to
 * those here and says how many were new (a file that cannot be read, or holds no attempt that can,
 * changes nothing and says why), and reset asks once more before it deletes anything.
 */
import { useRef, useState } from 'preact/hooks';
import { fill } from '@i18n/fill.ts';
import { emptyProgress, exportProgress, importProgress, mergeProgress, type Progress } from '@exercises/progress.ts';
import type { PracticeStrings } from './dashboard.tsx';

export const PROGRESS_FILE = 'param-lab-progress.json';
/** Far above a full progress file (MAX_ATTEMPTS attempts take a few hundred KB). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

interface Props {
  progress: Progress;
  strings: PracticeStrings;
  /** Replace the progress (saved by the caller); returns false when storage refused it. */
  onChange(progress: Progress): boolean;
}

type Status = { kind: 'ok' | 'error'; text: string; added?: number } | null;

/** How many of `merged`'s attempts `before` did not hold (an attempt is the same when id, time and verdict are). */
export function newAttempts(before: Progress, merged: Progress): number {
  const key = (a: Progress['attempts'][number]): string => `${a.id}|${a.at}|${a.ok}`;
  const had = new Set(before.attempts.map(key));
  return merged.attempts.filter((a) => !had.has(key(a))).length;
}

export function ProgressFile({ progress, strings, onChange }: Props) {
  const f = strings.file;
  const [status, setStatus] = useState<Status>(null);
  const [confirming, setConfirming] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);
  const exportButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const kept = (saved: boolean, text: string): string => (saved ? text : `${text} ${f.notKept}`);

  const exportFile = (): void => {
    const url = URL.createObjectURL(new Blob([exportProgress(progress)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = PROGRESS_FILE;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus({ kind: 'ok', text: fill(f.exported, { file: PROGRESS_FILE, n: progress.attempts.length }) });
  };

  const importFile = async (input: HTMLInputElement): Promise<void> => {
    const file = input.files?.[0];
    if (!file) return;
    input.value = ''; // the same file can be chosen again
    if (file.size > MAX_FILE_BYTES) {
      setStatus({
        kind: 'error',
        text: fill(f.errors.large, {
          size: Math.ceil(file.size / 1024).toLocaleString('en-US'),
          limit: (MAX_FILE_BYTES / 1024).toLocaleString('en-US'),
        }),
      });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setStatus({ kind: 'error', text: f.errors.read });
      return;
    }
    const read = importProgress(text);
    if (!read.ok) {
      setStatus({ kind: 'error', text: f.errors[read.reason] });
      return;
    }
    const merged = mergeProgress(progress, read.progress);
    const added = newAttempts(progress, merged);
    const counts = { n: added, read: read.progress.attempts.length, total: merged.attempts.length };
    if (added === 0) {
      setStatus({ kind: 'ok', text: fill(f.importedNone, counts), added });
      return;
    }
    const saved = onChange(merged);
    setStatus({ kind: 'ok', text: kept(saved, fill(f.imported, counts)), added });
  };

  const reset = (): void => {
    const saved = onChange(emptyProgress());
    setConfirming(false);
    setStatus({ kind: 'ok', text: kept(saved, f.resetDone) });
    // the reset button is disabled now that nothing is kept
    queueMicrotask(() => exportButton.current?.focus());
  };

  return (
    <section class="pl-practice__file" aria-labelledby="pl-practice-file">
      <h2 id="pl-practice-file">{f.heading}</h2>
      <p>{f.intro}</p>
      <div class="pl-practice__buttons">
        <button type="button" ref={exportButton} class="pl-practice__button" onClick={exportFile} data-action="export">
          {f.export}
        </button>
        <label class="pl-practice__button pl-practice__file-label">
          {f.import}
          <input type="file" accept=".json,application/json" data-action="import" onChange={(e) => void importFile(e.currentTarget)} />
        </label>
        <button
          type="button"
          ref={resetButton}
          class="pl-practice__button pl-practice__button--quiet"
          data-action="reset"
          aria-expanded={confirming}
          disabled={progress.attempts.length === 0 && !confirming}
          onClick={() => {
            setConfirming(true);
            setStatus(null);
            queueMicrotask(() => cancelButton.current?.focus());
          }}
        >
          {f.reset}
        </button>
      </div>
      {confirming ? (
        <fieldset class="pl-practice__confirm">
          <legend>{fill(f.resetConfirm, { n: progress.attempts.length })}</legend>
          <div class="pl-practice__buttons">
            <button type="button" class="pl-practice__button pl-practice__button--danger" data-action="reset-yes" onClick={reset}>
              {f.resetYes}
            </button>
            <button
              type="button"
              ref={cancelButton}
              class="pl-practice__button"
              data-action="reset-no"
              onClick={() => {
                setConfirming(false);
                queueMicrotask(() => resetButton.current?.focus());
              }}
            >
              {f.resetNo}
            </button>
          </div>
        </fieldset>
      ) : null}
      <p
        class="pl-practice__status"
        role="status"
        aria-live="polite"
        data-file-status={status?.kind ?? 'none'}
        {...(status?.added !== undefined ? { 'data-added': status.added } : {})}
      >
        {status?.text ?? ''}
      </p>
    </section>
  );
}
