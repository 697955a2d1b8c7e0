/** Our engine's summary of one golden model, read from its model.json the way a reader's file would be. */
import { modelFromKerasJson, parseJsonText } from '@calc/import.ts';
import { summarize, type Summary } from '@calc/engine.ts';
import type { Golden } from './golden.ts';

/** Import and summarize a golden's model.json; a file Keras wrote that we cannot import fails the test. */
export function summarizeGolden(g: Golden): Summary {
  const json = parseJsonText(g.json);
  if (!json.ok) throw new Error(json.error.message);
  const model = modelFromKerasJson(json.value);
  if (!model.ok) throw new Error(model.error.message);
  return summarize(model.value);
}
