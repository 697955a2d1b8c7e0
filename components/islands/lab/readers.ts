/**
 * What the reader hands the lab — pasted Python or a printout, a dropped `.keras`, Keras JSON or
 * tfjs `model.json` — read by src/calc's importers. This module and the readers it imports (the
 * Python reader with its parser, the printout reader, the zip reader) are fetched the first time
 * the reader pastes or drops something, never with the page.
 */
import type { Diagnostic, Model } from '@calc/basics.ts';
import { summarize, summaryFromPrintout, type Summary } from '@calc/engine.ts';
import { readInput } from '@calc/import.ts';

/** A paste is refused past this many characters (1 MiB of text), before anything reads it. */
export const MAX_PASTE_CHARS = 1 << 20;
/** A file past this size is refused before it is read into memory. */
export const MAX_FILE_BYTES = 64 << 20;

export type Read =
  | {
      ok: true;
      kind: 'model' | 'printout';
      summary: Summary;
      /** The model read, when it is one (a printout is only its rows). */
      model?: Model;
      format: string;
      /** Where the reading stopped short, and what was skipped elsewhere, located. */
      problem?: Diagnostic;
      notes: Diagnostic[];
      /** Several models in one script: their variables, the one shown among them. */
      variables?: string[];
      shown?: string;
    }
  | { ok: false; error: Diagnostic };

/** Read text or bytes; what cannot be read at all is one located diagnostic. */
export function readSource(input: string | Uint8Array, filename?: string, variable?: string): Read {
  const read = readInput(input, filename);
  if (!read.ok) return read;
  if (read.value.kind === 'printout') {
    const p = read.value.printout;
    const { summary } = summaryFromPrintout(p, 'keras3');
    return { ok: true, kind: 'printout', summary, format: `printout-${p.style}`, notes: p.warnings };
  }
  const imported = read.value.imported;
  const models = imported.models ?? [];
  const chosen = (variable !== undefined ? models.find((m) => m.variable === variable) : undefined) ?? null;
  const model = chosen?.model ?? imported.model;
  const problem = chosen ? chosen.problem : imported.problem;
  return {
    ok: true,
    kind: 'model',
    summary: summarize(model),
    model,
    format: imported.format,
    ...(problem ? { problem } : {}),
    notes: imported.notes ?? [],
    ...(models.length > 1 ? variablesOf(models, chosen?.variable ?? models.find((m) => m.model === imported.model)?.variable) : {}),
  };
}

/** The variables a script's models are bound to (a model built in an expression has none) and the one shown. */
function variablesOf(
  models: readonly { variable: string | null }[],
  shown: string | null | undefined,
): { variables: string[]; shown?: string } {
  const variables = models.map((m) => m.variable).filter((v): v is string => v !== null);
  return shown ? { variables, shown } : { variables };
}
