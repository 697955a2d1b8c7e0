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
  'arg-not-whole-number': { entered: 2.5 },
  'arg-too-small': { min: 3, entered: 4 },
  'arg-too-large': { max: 5 },
  'arg-number-too-large': {},
  'arg-empty-whole-number': {},
  'arg-empty-number': {},
  'arg-not-number': { entered: 'entered-text' },
  'arg-not-boolean': { entered: 'entered-text' },
  'arg-not-option': { options: ['a', 'b'], entered: 'entered-text' },
  'arg-not-int-or-tuple': { rank: 6, entered: 'entered-text' },
  'arg-tuple-length': { rank: 7, entered: [1, 2, 3] },
  'arg-tuple-not-whole': { got: 'got-text' },
  'arg-item-not-whole-number': { entered: 2.5, axes: 2 },
  'arg-item-too-small': { min: 8, entered: -1, axes: 2 },
  'arg-item-too-large': { max: 5, infinite: true, axes: 2 },
  'arg-not-data-format': { entered: 'entered-text' },
  'arg-not-pairs': {
    rank: 9,
    entered: [
      [1, 2],
      [3, 4],
    ],
  },
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
  'input-dim-out-of-range': { max: 36, entered: -1 },
  'size-too-large': { max: 37, entered: 99999 },
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
  'python-syntax': { found: 'found-text' },
  'python-step-budget': { steps: 13 },
  'python-too-deep': { limit: 14 },
  'python-recursion': { name: 'name-text', limit: 15 },
  'python-unpack': { expected: 16, got: 17 },
  'python-unhashable': { type: 'type-text' },
  'python-index-range': { index: 18, length: 19 },
  'python-key-missing': { key: 'key-text' },
  'python-bad-slice': {},
  'python-bad-index': { type: 'type-text' },
  'python-condition-unknown': { what: 'what-text' },
  'python-loop-unknown': { what: 'what-text' },
  'python-too-long': { max: 20 },
  'python-bad-operand': { op: 'op-text', left: 'left-text', right: 'right-text' },
  'python-division-by-zero': {},
  'python-missing-argument': { function: 'function-text', argument: 'argument-text' },
  'python-not-static': { what: 'what-text' },
  'python-not-callable': { type: 'type-text' },
  'python-no-layer': { name: 'name-text' },
  'python-no-layer-close': { name: 'name-text', suggestion: 'suggestion-text' },
  'python-no-application': { name: 'name-text' },
  'python-no-application-close': { name: 'name-text', suggestion: 'suggestion-text' },
  'python-subclassed-model': { name: 'name-text', line: 21 },
  'python-too-many-arguments': { type: 'type-text', max: 22, got: 23 },
  'python-argument-twice': { type: 'type-text', argument: 'argument-text' },
  'python-bad-argument': { argument: 'argument-text', type: 'type-text' },
  'python-model-called-on-data': { name: 'name-text' },
  'python-sequential-input-late': { name: 'name-text' },
  'python-not-a-layer': { type: 'type-text' },
  'python-model-without-graph': {},
  'python-model-not-tensors': { argument: 'argument-text', type: 'type-text' },
  'python-application-options': { name: 'name-text', argument: 'argument-text' },
  'python-application-argument': { name: 'name-text', argument: 'argument-text' },
  'python-unexpected-argument': { function: 'function-text', argument: 'argument-text' },
  'python-application-square': { name: 'name-text' },
  'python-graph-disconnected': { input: 'input-text' },
  'python-no-model': {},
  'python-custom-layer': { name: 'name-text', line: 24 },
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
  'printout-not-found': {},
  'printout-no-rows': {},
  'printout-bad-count': { text: 'text-text' },
  'printout-cell-cut': { layer: 'layer-text' },
  'printout-no-footer': { rows: 25 },
  'printout-total-mismatch': { rows: 26, total: 27 },
  'printout-split-mismatch': { trainable: 28, nonTrainable: 29, total: 30 },
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
    expect(p.en).toBe('A kernel spanning 99 does not fit in a height of 28 with padding "valid": ⌊(28 − 99) / 1⌋ + 1 = −70.');
    expect(p.zh).toBe('当 padding="valid" 时，跨度为 99 的卷积核放不进高度为 28 的输入：⌊(28 − 99) / 1⌋ + 1 = −70。');
  });
  it('a pool of 3 with stride 2 on a width of 2 gives ⌊(2 − 3) / 2⌋ + 1 = 0', () => {
    // ⌊−1 / 2⌋ = −1; −1 + 1 = 0
    const p = problem('MaxPooling2D', { pool_size: 3, strides: 2 }, [null, 8, 2, 1]);
    expect(p.en).toBe('A pooling window of 3 does not fit in a width of 2 with padding "valid": ⌊(2 − 3) / 2⌋ + 1 = 0.');
    expect(p.zh).toBe('当 padding="valid" 时，大小为 3 的池化窗口放不进宽度为 2 的输入：⌊(2 − 3) / 2⌋ + 1 = 0。');
  });
  it('a pool of 12 on a height of 11 is a window of 12, not "12-wide": ⌊(11 − 12) / 1⌋ + 1 = 0', () => {
    // 11 − 12 = −1; ⌊−1 / 1⌋ = −1; −1 + 1 = 0 (the width, 20, fits: ⌊(20 − 12) / 1⌋ + 1 = 9)
    const p = problem('MaxPooling2D', { pool_size: 12, strides: 1 }, [null, 11, 20, 1]);
    expect(p.en).toBe('A pooling window of 12 does not fit in a height of 11 with padding "valid": ⌊(11 − 12) / 1⌋ + 1 = 0.');
    expect(p.zh).toBe('当 padding="valid" 时，大小为 12 的池化窗口放不进高度为 11 的输入：⌊(11 − 12) / 1⌋ + 1 = 0。');
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
    // the developer's figure stays in the CLI's English; a learner is told the rule, not 2^53 − 1
    expect(p.d.message).toBe('is too large to count exactly: values above 9007199254740991 cannot be represented');
    expect(p.en).toBe('Units is too large to count exactly.');
    expect(p.zh).toBe('单元数太大，无法精确计数。');
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
    expect(r.error.arg).toBe('input_shape[1]');
    expect(diagnosticText(r.error, 'en', { argLabel: 'Input features' })).toBe(
      'Input features must be a whole number, 0 or more — you entered −1.',
    );
    expect(diagnosticText(r.error, 'zh-cn', { argLabel: '输入特征数' })).toBe('输入特征数必须是不小于 0 的整数，你输入的是 −1。');
  });
  it('a typed input size of 2.5 is quoted as typed, with no developer figure', () => {
    const r = resolveLayer({ type: 'Conv2D', args: { filters: 8, kernel_size: 3 } }, [null, 2.5, 28, 1]);
    if (r.ok) throw new Error('resolved');
    expect(r.error.arg).toBe('input_shape[1]');
    expect(diagnosticText(r.error, 'en', { argLabel: 'Input height' })).toBe(
      'Input height must be a whole number, 0 or more — you entered 2.5.',
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

describe('one element of a tuple argument', () => {
  it('a width of 0 in kernel_size (3, 0) names the width and quotes 0, not the whole tuple', () => {
    const p = problem('Conv2D', { filters: 8, kernel_size: [3, 0] }, [null, 28, 28, 1]);
    expect(p.d).toMatchObject({ code: 'arg-item-too-small', arg: 'kernel_size[1]', values: { min: 1, entered: 0, axes: 2 } });
    expect(p.en).toBe('Kernel size, width must be at least 1 — you entered 0.');
    expect(p.zh).toBe('卷积核大小（宽度）至少为 1，你输入的是 0。');
    // the CLI names the element too
    expect(p.d.message).toBe('must be at least 1, got 0');
  });
  it('a height of −1 and a width of 2.5 are each named, with a real minus sign', () => {
    expect(problem('Conv2D', { filters: 8, kernel_size: [-1, 3] }, [null, 28, 28, 1]).en).toBe(
      'Kernel size, height must be at least 1 — you entered −1.',
    );
    const p = problem('Conv2D', { filters: 8, kernel_size: [3, 2.5] }, [null, 28, 28, 1]);
    expect(p.d.arg).toBe('kernel_size[1]');
    expect(p.en).toBe('Kernel size, width must be a whole number — you entered 2.5.');
    expect(p.zh).toBe('卷积核大小（宽度）必须是整数，你输入的是 2.5。');
  });
  it('the depth of a 3-D window is named as the calculators label it', () => {
    const p = problem('MaxPooling3D', { pool_size: [0, 2, 2] }, [null, 8, 8, 8, 1]);
    expect(p.d.arg).toBe('pool_size[0]');
    expect(p.en).toBe('Pool size, depth must be at least 1 — you entered 0.');
  });
  it('an int repeated over the axes is the whole argument: kernel_size=0', () => {
    const p = problem('Conv2D', { filters: 8, kernel_size: 0 }, [null, 28, 28, 1]);
    expect(p.d.arg).toBe('kernel_size');
    expect(p.en).toBe('Kernel size must be at least 1 — you entered 0.');
  });
  it('a tuple of the wrong length is shown as the lessons write a kernel: 3 × 3 × 3, no list brackets', () => {
    const p = problem('Conv2D', { filters: 8, kernel_size: [3, 3, 3] }, [null, 28, 28, 1]);
    expect(p.d.arg).toBe('kernel_size');
    expect(p.en).toBe('Kernel size needs 2 values, one per axis — you entered 3 × 3 × 3.');
    expect(p.zh).toBe('卷积核大小需要 2 个值，每个轴一个，你输入的是 3 × 3 × 3。');
    // the CLI keeps the JSON it always printed
    expect(p.d.message).toBe('must have 2 values, got [3,3,3]');
  });
  it('every number in a tuple is formatted as the lessons print numbers: −1 × 12,345', () => {
    const d: Diagnostic = { code: 'arg-tuple-length', values: { rank: 3, entered: [-1, 12345] }, message: '', arg: 'strides' };
    expect(diagnosticText(d, 'en')).toBe('Strides needs 3 values, one per axis — you entered −1 × 12,345.');
  });
  it('a negative padding inside a (before, after) pair names its axis', () => {
    const p = problem(
      'ZeroPadding2D',
      {
        padding: [
          [1, 1],
          [0, -2],
        ],
      },
      [null, 8, 8, 1],
    );
    expect(p.d.arg).toBe('padding[1]');
    expect(p.en).toBe('Padding, width must be at least 0 — you entered −2.');
  });
});

describe('values a calculator shows beside its fields', () => {
  it('strides 2 with dilation 2 is refused without quoting [2,2] back', () => {
    const p = problem('Conv2D', { filters: 8, kernel_size: 3, strides: 2, dilation_rate: 2 }, [null, 28, 28, 1]);
    expect(p.en).toBe('A stride above 1 cannot be combined with a dilation rate above 1: Keras refuses the pair.');
    expect(p.zh).toBe('大于 1 的步幅不能与大于 1 的膨胀率同时使用，Keras 会拒绝这种组合。');
    // the CLI keeps the values
    expect(p.d.message).toContain('strides=[2,2], dilation_rate=[2,2]');
  });
});

describe('a blank field', () => {
  it('names the field and asks for a whole number, as the calculators do, and the CLI keeps its words', () => {
    const p = problem('Dense', { units: '' }, [null, 10]);
    expect(p.d.code).toBe('arg-empty-whole-number');
    expect(p.d.message).toBe('must be a whole number, got ""');
    expect(p.en).toBe('Units is empty: type a whole number.');
    expect(p.zh).toBe('单元数是空的：请输入一个整数。');
  });
  it('a blank rate asks for a number', () => {
    expect(problem('Dropout', { rate: ' ' }, [null, 10]).en).toBe('Rate is empty: type a number.');
  });
  it('text that is not a number is quoted in quotation marks, not JSON', () => {
    const p = problem('Dense', { units: 'abc' }, [null, 10]);
    expect(p.en).toBe('Units must be a whole number — you entered “abc”.');
    expect(p.zh).toBe('单元数必须是整数，你输入的是“abc”。');
    expect(p.d.message).toBe('must be a whole number, got "abc"');
  });
});

describe('Chinese punctuation', () => {
  it('the layer before a problem takes a full-width colon in Chinese', () => {
    const p = problem('Conv2D', { filters: 8, kernel_size: [3, 0] }, [null, 28, 28, 1]);
    expect(diagnosticText(p.d, 'zh-cn', { layer: 'Conv2D' })).toBe('Conv2D：卷积核大小（宽度）至少为 1，你输入的是 0。');
    expect(diagnosticText(p.d, 'en', { layer: 'Conv2D' })).toBe('Conv2D: Kernel size, width must be at least 1 — you entered 0.');
  });
});

/** Codes a calculator or the model editor can show: typed values, shapes that do not fit, counts past exact arithmetic. */
const LEARNER_CODES: DiagnosticCode[] = [
  'arg-required',
  'arg-not-whole-number',
  'arg-too-small',
  'arg-too-large',
  'arg-number-too-large',
  'arg-empty-whole-number',
  'arg-empty-number',
  'arg-not-number',
  'arg-not-option',
  'arg-not-int-or-tuple',
  'arg-tuple-length',
  'arg-item-not-whole-number',
  'arg-item-too-small',
  'arg-item-too-large',
  'input-dim-out-of-range',
  'kernel-does-not-fit',
  'pool-does-not-fit',
  'transpose-negative-length',
  'model-too-many-params',
  'output-dim-too-large',
  'arg-not-fraction',
  'filters-not-divisible',
  'input-channels-not-divisible',
  'output-padding-not-below-stride',
  'strides-with-dilation',
];

describe('learner templates', () => {
  for (const locale of locales) {
    it(`${locale}: no developer figure or word where a calculator or the editor can show it`, () => {
      for (const code of LEARNER_CODES) {
        // the words around the placeholders, which are value names (`{rank}`, `{rank?value|values}`), not text
        const template = diagnosticStrings[locale].codes[code].replace(
          /\{\w+(\?[^|{}]*\|[^{}]*)?\}/g,
          (_, plural?: string) => plural ?? '{}',
        );
        // {max} is 2^53 − 1; "wide" was used for heights; "tuple", "rank", brackets are developers' words
        expect(diagnosticStrings[locale].codes[code], `${locale} ${code}`).not.toContain('{max}');
        expect(template, `${locale} ${code}`).not.toMatch(/9,007|MAX_SAFE|\btuple\b|元组|\brank\b|\[|\bwide\b|宽 \{|got\b/);
      }
    });
  }
});
