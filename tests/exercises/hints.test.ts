/** The hint ladder reads the engine's formula terms: in words, substituted, then the arithmetic short of the answer. */
import { describe, expect, it } from 'vitest';
import { resolveLayer } from '@calc/engine.ts';
import { arithmeticSteps, formulaHints, formulaInWords, formulaSolution } from '@exercises/hints.ts';

const formula = (type: string, args: Record<string, unknown>, input: (number | null)[]) => {
  const r = resolveLayer({ type, args }, input);
  if (!r.ok || !r.row.formula) throw new Error('no formula');
  return r.row.formula;
};

describe('hints', () => {
  const conv = formula('Conv2D', { filters: 64, kernel_size: 3 }, [null, 13, 13, 32]);

  it('words a convolution with the names of its numbers and keeps the bias as + 1', () => {
    expect(formulaInWords(conv).en).toBe('filters × (input channels × kernel height × kernel width + 1)');
    expect(formulaInWords(conv)['zh-cn']).toBe('滤波器个数 × (输入通道数 × 卷积核高度 × 卷积核宽度 + 1)');
  });

  it("names an LSTM's per-unit bias after its units, not as a number", () => {
    const lstm = formula('LSTM', { units: 50 }, [null, 10, 3]);
    expect(formulaInWords(lstm).en).not.toMatch(/\d{2}/);
    expect(formulaInWords(lstm).en).toMatch(/^4 × /);
  });

  it('works the arithmetic step by step and stops short of the answer', () => {
    // 64 × (32 × 3 × 3 + 1): 32 × 3 × 3 = 288, 288 + 1 = 289, 64 × 289 = 18,496
    expect(arithmeticSteps(conv)).toEqual(['64 × (288 + 1)', '64 × 289']);
    const [, substituted, arithmetic] = formulaHints(conv);
    expect(substituted.en).toContain('64 × (32 × 3 × 3 + 1)');
    expect(arithmetic.en).toContain('64 × 289');
    expect(arithmetic.en).not.toContain('18,496');
    expect(formulaSolution(conv).en).toContain('= 18,496');
  });
});
