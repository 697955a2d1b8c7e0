/**
 * What the model editor shows, as plain data: the island renders it, src/calc (through evaluate.ts)
 * produces it. Kept apart from evaluate.ts so the island can start from the view the build computed
 * and load the calculation engine only when the reader starts editing.
 */

import { groupDigits, readableMemorySize } from '@calc/basics.ts';
import type { Totals } from '@calc/engine.ts';

/** A layer's numbers as shown. */
export interface LayerNumbers {
  shape: string;
  params: string;
  /** `64 × (32 × 3 × 3 + 1) = 18,496`, when the layer has weights. */
  equation: string | null;
}

export interface TotalsText {
  params: string;
  trainable: string;
  nonTrainable: string;
  /** `364.54 KB`, and the same for each part, as Keras prints them after each total */
  bytes: string;
  trainableBytes: string;
  nonTrainableBytes: string;
}

export interface LayerView {
  id: number;
  /** Keras's automatic name: `conv2d_1`. */
  name: string;
  /**
   * `fresh`: computed from what is typed now. `broken`: the first layer src/calc refused.
   * `stale`: after the broken one; its last valid numbers. `unknown`: after the broken one, never valid.
   */
  status: 'fresh' | 'broken' | 'stale' | 'unknown';
  numbers: LayerNumbers | null;
  /** src/calc's diagnostic in the page's language, and the field it names (null: about the layer as a whole). */
  problem: { field: string | null; message: string } | null;
}

export interface EditorView {
  layers: LayerView[];
  totals: TotalsText | null;
  /** True when the totals are the last valid ones, not those of what is typed. */
  stale: boolean;
  /** The input shape's text is not a shape. */
  inputProblem: { problem: 'empty' | 'notDim'; text: string } | null;
  /** A problem with no layer to sit beside (a count past exact arithmetic). */
  modelProblem: string | null;
}

/** What the last model that resolved completely showed, by layer id. */
export interface LastGood {
  layers: Map<number, LayerNumbers>;
  totals: TotalsText;
}

/** The last-valid record a view stands for: itself when everything in it is fresh. */
export function goodOf(view: EditorView): LastGood | null {
  if (view.stale || !view.totals || view.layers.some((l) => l.status !== 'fresh' || !l.numbers)) return null;
  return { layers: new Map(view.layers.map((l) => [l.id, l.numbers!])), totals: view.totals };
}

/** The record without one layer's numbers (its type changed, so they no longer describe it). */
export function forget(good: LastGood | null, id: number): LastGood | null {
  if (!good) return null;
  const layers = new Map(good.layers);
  layers.delete(id);
  return { ...good, layers };
}

/** Keras's three totals and their sizes as the page prints them (the model lab prints them too). */
export const totalsText = (t: Totals): TotalsText => ({
  params: groupDigits(t.params),
  trainable: groupDigits(t.trainable),
  nonTrainable: groupDigits(t.nonTrainable),
  bytes: readableMemorySize(t.bytes),
  trainableBytes: readableMemorySize(t.trainableBytes),
  nonTrainableBytes: readableMemorySize(t.nonTrainableBytes),
});
