/** Loads the Keras 3 golden models (tests/golden/keras3/*): facts Keras printed, not computed here. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GoldenRow {
  name: string;
  type: string;
  outputShape: unknown;
  params: number;
  trainable: number;
  nonTrainable: number;
}

export interface Golden {
  id: string;
  python: string;
  json: string;
  expected: {
    name: string;
    class: string;
    layers: GoldenRow[];
    totals: { params: number; trainable: number; nonTrainable: number };
    summary: string;
  };
}

const root = join(import.meta.dirname, 'keras3');

export function loadGoldens(): Golden[] {
  return readdirSync(root)
    .filter((d) => d.startsWith('r'))
    .sort()
    .map((id) => ({
      id,
      python: readFileSync(join(root, id, 'model.py'), 'utf8'),
      json: readFileSync(join(root, id, 'model.json'), 'utf8'),
      expected: JSON.parse(readFileSync(join(root, id, 'expected.json'), 'utf8')),
    }));
}
