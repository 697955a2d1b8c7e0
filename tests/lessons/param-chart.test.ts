/** The per-layer parameter chart's data: which bars, how long, and the shares in its table. */
import { describe, expect, it } from 'vitest';
import type { Row } from '@calc/engine.ts';
import { barLength, chartBars, shareText } from '@components/lesson/param-chart-data.ts';

const row = (name: string, params: number): Row => ({
  name,
  type: 'Dense',
  outputShape: [null, 1],
  params,
  trainable: params,
  nonTrainable: 0,
  weights: [],
  connectedTo: [],
  inbound: [],
  inputShapes: [],
  built: true,
  layerTrainable: true,
  family: 'core',
  macs: 0,
  steps: [],
});

describe('chart bars', () => {
  const rows = [row('input', 0), row('a', 10), row('pool', 0), row('b', 500), row('c', 40), row('d', 7), row('e', 300)];

  it('draws every layer with parameters, in model order, when they fit', () => {
    expect(chartBars(rows, 10).map((b) => b.name)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('keeps the largest ones in model order and sums the rest into one "others" bar', () => {
    const bars = chartBars(rows, 3);
    expect(bars.map((b) => b.name)).toEqual(['b', 'c', 'e', '']);
    expect(bars[3]).toMatchObject({ params: 10 + 7, others: 2 });
  });
});

describe('bar lengths', () => {
  it('is proportional to the count on a linear scale', () => {
    expect(barLength(50, 200, 'linear', 400)).toBe(100);
    expect(barLength(200, 200, 'linear', 400)).toBe(400);
  });

  it('follows log10(count + 1) on a log scale', () => {
    expect(barLength(99, 9999, 'log', 400)).toBeCloseTo(400 * (2 / 4));
  });

  it('shows a tiny nonzero count as at least 1 unit and 0 as nothing', () => {
    expect(barLength(1, 1e8, 'linear', 400)).toBe(1);
    expect(barLength(0, 1e8, 'linear', 400)).toBe(0);
  });
});

describe('shares', () => {
  it('prints one decimal: VGG16 fc1 holds 102,764,544 of 138,357,544', () => {
    expect(shareText(102_764_544, 138_357_544)).toBe('74.3%');
    expect(shareText(1, 138_357_544)).toBe('<0.1%');
    expect(shareText(0, 0)).toBe('0%');
  });
});
