/**
 * Engine diagnostics in the reader's words: every code has a template in both dictionaries whose
 * placeholders its values fill, and representative problems read as the lessons would write them,
 * with the arithmetic worked by hand here.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic, DiagnosticCode, ValuesOf } from '@calc/basics.ts';
import { resolveLayer, summarize } from '@calc/engine.ts';
import { diagnosticText } from '@i18n/diagnostic-text.ts';
import { diagnosticStrings, locales } from '@i18n/index.ts';

/** One sample per code, typed by the catalogue: a new code fails tsc here until it has one. */
const samples: { [C in DiagnosticCode]: ValuesOf<C> } = {
  'arg-required': {},
  'arg-not-whole-number': { got: 'got-text' },
  'arg-too-small': { min: 3, got: 4 },
  'arg-too-large': { max: 5 },
  'arg-number-too-large': {},
  'arg-not-number': { got: 'got-text' },
  'arg-not-boolean': { got: 'got-text' },
  'arg-not-option': { options: ['a', 'b'], got: 'got-text' },
  'arg-not-int-or-tuple': { rank: 6, got: 'got-text' },
  'arg-tuple-length': { rank: 7, got: 'got-text' },
  'arg-tuple-not-whole': { got: 'got-text' },
  'arg-tuple-too-small': { min: 8, got: 'got-text' },
  'arg-not-data-format': { got: 'got-text' },
  'arg-not-pairs': { rank: 9, got: 'got-text' },
  'input-rank': { rank: 10, layout: ['a', 'b'], input: 'input-text', got: 11 },
  'input-min-rank': { rank: 12, input: 'input-text' },
  'input-channels-unknown': { input: 'input-text' },
  'input-last-unknown': { input: 'input-text' },
  'axis-out-of-range': { axis: 13, rank: 14 },
  'kernel-does-not-fit': { kernel: 15, dilation: 16, span: 17, axis: 'axis-text', length: 18, stride: 19, out: 20 },
  'pool-does-not-fit': { pool: 21, axis: 'axis-text', length: 22, stride: 23, out: 24 },
  'transpose-negative-length': { axis: 'axis-text', length: 25, stride: 26, kernel: 27, outputPadding: 28, out: 29 },
  'model-too-many-params': { max: 30 },
  'layer-unknown-type': { type: 'type-text' },
  'layer-no-input': {},
  'sequential-several-tensors': { count: 31 },
  'layer-in-cycle': {},
  'inbound-unknown-layer': { target: 'target-text' },
  'inbound-unknown-call': { target: 'target-text', node: 32, calls: 33 },
  'inbound-unknown-output': { target: 'target-text', tensor: 34, count: 35 },
  'input-layer-no-shape': {},
  'input-layer-bad-dim': { got: 'got-text' },
  'input-dim-out-of-range': { max: 36, got: 'got-text' },
  'target-shape-required': {},
  'permute-dims-required': {},
  'key-dim-required': {},
  'einsum-output-shape-required': {},
  'pool-size-required-keras3': {},
  'arg-not-fraction': { got: 37 },
  'arg-negative': { got: 38 },
  'arg-not-int-or-list': { got: 'got-text' },
  'arg-not-single-int': { got: 'got-text' },
  'arg-keras3-single-axis': { got: 'got-text' },
  'axis-listed-twice': { got: 'got-text' },
  'axis-size-unknown': { axis: 39, input: 'input-text' },
  'causal-padding-sequence-only': { separable1D: true },
  'strides-with-dilation': { strides: 'strides-text', dilation: 'dilation-text' },
  'filters-not-divisible': { filters: 40, groups: 41 },
  'input-channels-not-divisible': { channels: 42, groups: 43 },
  'output-padding-not-below-stride': { outputPadding: 44, stride: 45, outputPaddings: 'outputPaddings-text', strides: 'strides-text' },
  'channels-fewer-than-groups': { channels: 46, groups: 47 },
  'channels-not-divisible': { channels: 48, groups: 49 },
  'target-shape-not-tuple': { got: 'got-text' },
  'target-shape-bad-size': { got: 'got-text' },
  'target-shape-several-unknown': { got: 'got-text' },
  'reshape-size-differs': { input: [3, 4], inputSize: 50, target: 'target-text', fixed: [3, 4], fixedSize: 51 },
  'reshape-cannot-infer': { input: [3, 4], inputSize: 52, target: 'target-text', fixed: [3, 4], fixedSize: 53 },
  'permute-not-axes': { got: 'got-text' },
  'permute-not-each-once': { count: 54, got: 'got-text' },
  'permute-rank-differs': { count: 55, input: 'input-text', axes: 56 },
  'cropping-too-much': { before: 57, after: 58, axis: 'axis-text', length: 59, left: 60 },
  'lambda-shape-unknown': {},
  'rnn-cell-not-cell': {},
  'rnn-cell-empty-stack': {},
  'rnn-cell-unknown': { type: 'type-text' },
  'conv-lstm-spatial-unknown': { input: 'input-text' },
  'wrapper-not-layer': { got: 'got-text' },
  'bidirectional-same-direction': { goBackwards: true },
  'bidirectional-disagree': { flag: 'flag-text', forward: true, backward: true },
  'wrapper-no-output': {},
  'time-distributed-rank': { input: 'input-text' },
  'time-distributed-several-outputs': { type: 'type-text' },
  'layer-scale-mismatch': { input: 'input-text', channels: 61, projection: 62 },
  'cannot-add-shapes': { a: 'a-text', b: 'b-text', i: 63, j: 64 },
  'prelu-axis-out-of-range': { got: 'got-text', last: 65 },
  'prelu-axis-unknown': { axis: 66, input: 'input-text' },
  'mean-variance-together': {},
  'image-rank': { input: 'input-text' },
  'attention-not-one-tensor': { got: 'got-text' },
  'attention-bad-output-shape': { got: 'got-text' },
  'attention-no-query': {},
  'attention-no-value': {},
  'attention-rank': { name: 'name-text', input: 'input-text' },
  'attention-key-value-differ': { value: 'value-text', key: 'key-text' },
  'attention-not-list': {},
  'attention-list-length': { count: 67 },
  'merge-batch-differs': { inputs: 'inputs-text' },
  'merge-cannot-broadcast': { a: 'a-text', b: 'b-text', i: 68, j: 69 },
  'merge-input-count': { expected: 70, count: 71, inputs: 'inputs-text' },
  'merge-rank-differs': { inputs: 'inputs-text' },
  'concatenate-axis-differs': { inputs: 'inputs-text', axis: 72, other: 73, sizes: [3, 4] },
  'dot-bad-axes': { got: 'got-text' },
  'dot-batch-axis': {},
  'dot-input-count': { count: 74, inputs: 'inputs-text' },
  'dot-sizes-differ': { i: 75, a: 'a-text', sizeA: 76, j: 77, b: 'b-text', sizeB: 78 },
  'spectral-norm-not-layer': {},
  'spectral-norm-no-kernel': { type: 'type-text' },
  'einsum-not-string': { got: 'got-text' },
  'einsum-unknown-form': { equation: 'equation-text' },
  'einsum-bias-axes-not-string': { got: 'got-text' },
  'einsum-bad-output-shape': { got: 'got-text' },
  'einsum-input-rank': { letters: 'letters-text', named: 79, input: 'input-text', rank: 80 },
  'einsum-ellipsis-empty': { input: 'input-text', rank: 81, letters: 'letters-text' },
  'einsum-output-count': { letters: 'letters-text', needed: 82, ellipsis: true, given: 83 },
  'einsum-axis-size-differs': { axis: 'axis-text', input: 84, output: 85 },
  'einsum-output-axis-orphan': { axis: 'axis-text', input: 'input-text', kernel: 'kernel-text' },
  'einsum-weight-axis-orphan': { axis: 'axis-text', input: 'input-text', output: 'output-text' },
  'einsum-bias-axis-not-output': { axis: 'axis-text', output: 'output-text' },
  'einsum-output-size-unknown': { axis: 'axis-text' },
  'einsum-input-size-unknown': { axis: 'axis-text', input: 'input-text' },
  'json-engine-error': { reason: 'reason-text' },
  'json-too-deep': { limit: 86 },
  'json-empty': {},
  'json-unclosed': { inside: 'object' },
  'json-trailing': { found: 'found-text' },
  'json-expected-colon': { found: 'found-text' },
  'json-expected-comma': { close: 'close-text', found: 'found-text' },
  'json-trailing-comma': { close: 'close-text' },
  'json-key-single-quotes': {},
  'json-expected-key': { found: 'found-text' },
  'json-string-single-quotes': {},
  'json-python-word': { word: 'word-text', json: 'json-text' },
  'json-expected-value': { found: 'found-text' },
  'json-control-character': {},
  'json-bad-unicode-escape': {},
  'json-bad-escape': { escape: 'escape-text' },
  'json-unclosed-string': {},
  'json-bad-minus': { found: 'found-text' },
  'json-leading-zero': {},
  'json-bare-decimal-point': {},
  'output-dim-too-large': { axis: 87, max: 88 },
  'layer-name-duplicate': { name: 'name-text' },
  'model-input-unknown': { target: 'target-text' },
  'model-no-outputs': {},
  'layer-dtype-unknown': { got: 'got-text' },
  'input-too-large': { max: 89 },
  'input-too-deep': {},
  'output-too-large': { max: 917 },
  'file-not-found': {},
  'file-is-directory': {},
  'file-permission-denied': {},
  'file-path-not-directory': {},
  'file-name-too-long': {},
  'file-unreadable': { reason: 'reason-text' },
  'archive-no-directory': {},
  'archive-outside-file': {},
  'archive-too-many-entries': { count: 90, max: 91 },
  'archive-directory-too-large': { size: 921, max: 922 },
  'archive-config-ambiguous': { names: ['c', 'd'], more: false },
  'archive-no-config': { names: ['a', 'b'], more: true },
  'archive-entry-too-large': { size: 92, max: 93 },
  'archive-entry-size-mismatch': { declared: 94, actual: 95, more: true },
  'archive-entry-damaged': {},
  'archive-entry-encrypted': {},
  'archive-entry-method': { method: 96 },
  'archive-config-not-utf8': {},
  'archive-config-not-object': { got: 'got-text' },
  'input-nested-too-deep': {},
  'model-too-deep': {},
  'file-empty': {},
  'file-only-whitespace': {},
  'file-hdf5': {},
  'file-gzip': {},
  'file-numpy': {},
  'file-not-text': {},
  'file-python-source': {},
  'file-summary-printout': {},
  'json-not-model-object': { found: 'found-text' },
  'json-no-class-name': { keys: ['a', 'b'] },
  'keras-1-unsupported': { version: 'version-text' },
  'tfjs-weights-only': {},
  'tfjs-topology-not-object': { found: 'found-text' },
  'tfjs-graph-model': {},
  'keras-json-not-object': { found: 'found-text' },
  'keras-json-no-class-name': {},
  'keras-json-no-config': {},
  'keras-json-no-layers': { className: 'className-text' },
  'keras-json-layers-not-list': {},
  'keras-json-layer-not-object': { sequential: true },
  'keras-json-nodes-not-list': {},
  'keras-json-refs-not-list': {},
  'keras-json-bad-ref': {},
  'keras-json-bad-call': {},
  'keras-json-bad-history': {},
  'keras-json-layer-no-class-name': {},
  'keras-json-layer-no-config': { type: 'type-text' },
  'keras-json-bad-dim': { got: 'got-text' },
  'nested-model-problem': {},
  'model-outputs-problem': {},
};

const codes = Object.keys(samples) as DiagnosticCode[];
const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
/** Filled by the renderer itself: the argument's label, and a wrapped problem's own text. */
const GIVEN = ['arg', 'cause'];

const located = (code: DiagnosticCode, extra: Partial<Diagnostic> = {}): Diagnostic => ({
  code,
  values: samples[code],
  message: '',
  arg: 'kernel_size',
  cause: { code: 'layer-no-input', values: {}, message: '' },
  ...extra,
});

describe('diagnostic dictionaries', () => {
  for (const locale of locales) {
    it(`${locale} has a template for every code and no other`, () => {
      expect(Object.keys(diagnosticStrings[locale].codes).sort()).toEqual([...codes].sort());
    });
    it(`${locale} templates use only the values their code carries`, () => {
      for (const code of codes) {
        const known = [...Object.keys(samples[code]), ...GIVEN];
        for (const p of placeholders(diagnosticStrings[locale].codes[code])) expect(known, `${locale} ${code} {${p}}`).toContain(p);
      }
    });
    it(`${locale} renders every code with no gap, NaN or Infinity`, () => {
      for (const code of codes) {
        const text = diagnosticText(located(code), locale);
        expect(text, code).not.toMatch(/\{\w+\}|undefined|NaN|Infinity/);
      }
    });
  }
  it('zh-cn words every code in Chinese', () => {
    for (const code of codes) expect(diagnosticStrings['zh-cn'].codes[code], code).toMatch(/[\u4e00-\u9fff]/);
  });
});

/** The problem the engine reports for one layer on one input, in both languages. */
function problem(type: string, args: Record<string, unknown>, input: (number | null)[]): { en: string; zh: string; d: Diagnostic } {
  const r = resolveLayer({ type, args }, input);
  if (r.ok) throw new Error(`${type} resolved; expected a problem`);
  return { en: diagnosticText(r.error, 'en'), zh: diagnosticText(r.error, 'zh-cn'), d: r.error };
}

describe('learner wording', () => {
  it('a 99-wide kernel on a height of 28 gives ⌊(28 − 99) / 1⌋ + 1 = −70', () => {
    // 28 − 99 = −71; −71 / 1 = −71; −71 + 1 = −70
    const p = problem('Conv2D', { filters: 8, kernel_size: 99 }, [null, 28, 28, 1]);
    expect(p.d.code).toBe('kernel-does-not-fit');
    expect(p.en).toBe('A 99-wide kernel does not fit in a height of 28 when padding is "valid": ⌊(28 − 99) / 1⌋ + 1 = −70.');
    expect(p.zh).toBe('当 padding="valid" 时，宽 99 的卷积核放不进高度为 28 的输入：⌊(28 − 99) / 1⌋ + 1 = −70。');
  });
  it('a 3-wide pool with stride 2 on a width of 2 gives ⌊(2 − 3) / 2⌋ + 1 = 0', () => {
    // ⌊−1 / 2⌋ = −1; −1 + 1 = 0
    const p = problem('MaxPooling2D', { pool_size: 3, strides: 2 }, [null, 8, 2, 1]);
    expect(p.en).toBe('A 3-wide pooling window does not fit in a width of 2 when padding is "valid": ⌊(2 − 3) / 2⌋ + 1 = 0.');
    expect(p.zh).toBe('当 padding="valid" 时，宽 3 的池化窗口放不进宽度为 2 的输入：⌊(2 − 3) / 2⌋ + 1 = 0。');
  });
  it('a kernel size of 0 is named with the label the calculators use', () => {
    const p = problem('Conv2D', { filters: 8, kernel_size: 0 }, [null, 28, 28, 1]);
    expect(p.en).toBe('Kernel size must be at least 1 — you entered 0.');
    expect(p.zh).toBe('卷积核大小至少为 1，你输入的是 0。');
  });
  it('a missing required argument is said to be required, never "undefined"', () => {
    const p = problem('Dense', {}, [null, 10]);
    expect(p.d.code).toBe('arg-required');
    expect(p.d.message).toBe('is required');
    expect(p.en).toBe('Units is required: give it a value.');
    expect(p.zh).toBe('必须填写单元数。');
  });
  it('a count past 2^53 − 1 = 9,007,199,254,740,991 is too large, not a number on screen', () => {
    const p = problem('Dense', { units: 2 ** 53 + 2 }, [null, 10]);
    expect(p.d.code).toBe('arg-too-large');
    expect(p.en).toBe('Units is too large: numbers above 9,007,199,254,740,991 cannot be counted exactly.');
    expect(p.zh).toBe('单元数太大了：超过 9,007,199,254,740,991 的数无法精确计数。');
  });
  it('JSON\'s 1e400 (Infinity once parsed) is a number too large to represent, never "null"', () => {
    const p = problem('Dense', JSON.parse('{"units": 1e400}') as Record<string, unknown>, [null, 10]);
    expect(p.d.code).toBe('arg-number-too-large');
    expect(p.d.message).not.toMatch(/null|Infinity/);
    expect(p.en).toBe('Units is a number too large to represent.');
  });
  it('64 filters in 3 groups: 64 / 3 is not a whole number', () => {
    const p = problem('Conv2D', { filters: 64, kernel_size: 3, groups: 3 }, [null, 28, 28, 3]);
    expect(p.en).toBe('The 64 filters cannot be split into 3 equal groups: 64 / 3 is not a whole number.');
    expect(p.zh).toBe('64 个滤波器无法平均分成 3 组：64 / 3 不是整数。');
  });
  it("a typed input size of −1 in a calculator has a code, and the field's own label", () => {
    const r = resolveLayer({ type: 'Dense', args: { units: 4 } }, [null, -1]);
    if (r.ok) throw new Error('resolved');
    expect(r.error.code).toBe('input-dim-out-of-range');
    expect(diagnosticText(r.error, 'en', { argLabel: 'Input features' })).toBe(
      'Input features must be a whole number from 0 to 9,007,199,254,740,991 — you entered -1.',
    );
    expect(diagnosticText(r.error, 'zh-cn', { argLabel: '输入特征数' })).toBe(
      '输入特征数必须是 0 到 9,007,199,254,740,991 之间的整数，你输入的是 -1。',
    );
  });
  it('a problem inside a nested model is worded with the inner layer named', () => {
    const inner = { kind: 'sequential' as const, name: 'inner', layers: [{ type: 'Dense', name: 'head', args: {} }] };
    const s = summarize({ kind: 'sequential', input: [null, 10], layers: [{ type: 'Sequential', name: 'inner', model: inner }] } as never);
    expect(s.error?.code).toBe('nested-model-problem');
    expect(diagnosticText(s.error!, 'en')).toBe('Inside this nested model: head: Units is required: give it a value.');
    expect(diagnosticText(s.error!, 'zh-cn')).toBe('在这个嵌套模型内部：head：必须填写单元数。');
  });
});
