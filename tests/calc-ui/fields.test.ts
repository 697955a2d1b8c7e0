/**
 * Calculator fields: target strings, what a reader's typed text becomes, where each value lands
 * in the layer arguments or input shapes, and which field an engine argument name belongs to.
 */
import { describe, expect, it } from 'vitest';
import type { Field } from '@lessons/types.ts';
import { prepare } from '@components/islands/calculator/prepare.ts';
import {
  applyValues,
  fieldForArg,
  parseFieldText,
  parseNumber,
  parseTarget,
  startTexts,
  startValue,
} from '@components/islands/calculator/fields.ts';
import { convTrio, int, mnistConv } from './preset-fixtures.ts';

/** MNIST's first Conv2D with the fields lesson 3 uses. */
const conv = prepare(
  mnistConv([
    int('input[1]'),
    int('input[2]'),
    int('input[3]'),
    int('filters'),
    int('kernel_size[0]'),
    int('kernel_size[1]'),
    int('strides'),
    { target: 'padding', kind: 'choice', options: ['valid', 'same'] },
    { target: 'use_bias', kind: 'bool' },
  ]),
);

/** Lesson 9's comparison: three layers on the same fields. */
const trio = prepare(convTrio([int('input[3]'), int('filters'), int('kernel_size'), int('depth_multiplier'), int('layers[2].filters')]));

/** An Add of two inputs, one field for both, one for the second only. */
const add = prepare({
  id: 'add',
  title: { en: 'add', 'zh-cn': 'add' },
  layers: [{ type: 'Add' }],
  input: [
    [null, 8],
    [null, 8],
  ],
  fields: [int('input[1]'), int('inputs[1][1]')],
  show: ['shape'],
});

describe('parseTarget', () => {
  it('reads every form the lesson contract names', () => {
    expect(parseTarget('input[1]')).toEqual({ kind: 'input', input: null, axis: 1 });
    expect(parseTarget('inputs[1][2]')).toEqual({ kind: 'input', input: 1, axis: 2 });
    expect(parseTarget('filters')).toEqual({ kind: 'arg', layer: null, name: 'filters', index: null });
    expect(parseTarget('kernel_size[0]')).toEqual({ kind: 'arg', layer: null, name: 'kernel_size', index: 0 });
    expect(parseTarget('layers[1].units')).toEqual({ kind: 'arg', layer: 1, name: 'units', index: null });
    expect(parseTarget('layers[2].kernel_size[1]')).toEqual({ kind: 'arg', layer: 2, name: 'kernel_size', index: 1 });
  });
  it('refuses anything else', () => {
    for (const bad of [
      '',
      'input',
      'input[]',
      'input[-1]',
      'inputs[1]',
      'layers[1]',
      'a.b',
      'filters[0][1]',
      '1filters',
      'kernel size',
      'input[1] ',
    ]) {
      expect(parseTarget(bad), bad).toBeNull();
    }
  });
});

describe('parsing what the reader typed', () => {
  const f = int('filters');
  it('reads plain, signed, grouped and full-width numbers', () => {
    expect(parseNumber('64')).toBe(64);
    expect(parseNumber('  64 ')).toBe(64);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('−3')).toBe(-3); // a typographic minus
    expect(parseNumber('18,496')).toBe(18496);
    expect(parseNumber('18 496')).toBe(18496);
    expect(parseNumber('1,000,000')).toBe(1000000);
    expect(parseNumber('６４')).toBe(64); // a Chinese IME's full-width digits
    expect(parseNumber('2.5')).toBe(2.5);
    expect(parseNumber('1e3')).toBe(1000);
  });
  it('does not read text, hex, bad grouping or infinity as numbers', () => {
    for (const t of ['abc', '0x10', '1,00', '12,3456', '3 3', 'Infinity', 'NaN', '1e999', '--3', '3-', ''])
      expect(parseNumber(t), t).toBeNull();
  });
  it('without a rule passes every whole number to the engine, which judges the sign', () => {
    expect(parseFieldText(f, '64')).toEqual({ ok: true, value: 64 });
    expect(parseFieldText(f, '0')).toEqual({ ok: true, value: 0 });
    expect(parseFieldText(f, '-3')).toEqual({ ok: true, value: -3 });
  });
  it('refuses empty text, words, fractions and numbers past exact arithmetic with engine codes', () => {
    expect(parseFieldText(f, '')).toEqual({ ok: false, problem: { code: 'arg-empty-whole-number', values: {} } });
    expect(parseFieldText(f, '   ')).toEqual({ ok: false, problem: { code: 'arg-empty-whole-number', values: {} } });
    expect(parseFieldText(f, 'wide')).toEqual({ ok: false, problem: { code: 'arg-not-whole-number', values: { entered: 'wide' } } });
    expect(parseFieldText(f, '2.5')).toEqual({ ok: false, problem: { code: 'arg-not-whole-number', values: { entered: 2.5 } } });
    expect(parseFieldText(f, '100000000000000000000')).toEqual({
      ok: false,
      problem: { code: 'size-too-large', values: { max: Number.MAX_SAFE_INTEGER, entered: '100000000000000000000' } },
    });
    expect(parseFieldText(f, '1e300')).toMatchObject({ ok: false, problem: { code: 'size-too-large', values: { entered: '1e300' } } });
    expect(parseFieldText(f, '9'.repeat(400))).toMatchObject({ ok: false, problem: { code: 'size-too-large' } });
  });
  it('judges a number by its rule: the minimum and the size limit', () => {
    const rule = { min: 1, max: 4096 };
    expect(parseFieldText(f, '0', rule)).toEqual({ ok: false, problem: { code: 'arg-too-small', values: { min: 1, entered: 0 } } });
    expect(parseFieldText(f, '-1', rule)).toEqual({ ok: false, problem: { code: 'arg-too-small', values: { min: 1, entered: -1 } } });
    expect(parseFieldText(f, '-' + '9'.repeat(400), rule)).toMatchObject({ ok: false, problem: { code: 'arg-too-small' } });
    expect(parseFieldText(f, '4097', rule)).toEqual({
      ok: false,
      problem: { code: 'size-too-large', values: { max: 4096, entered: 4097 } },
    });
    expect(parseFieldText(f, '4096', rule)).toEqual({ ok: true, value: 4096 });
    expect(parseFieldText(f, '1', rule)).toEqual({ ok: true, value: 1 });
  });
  it('accepts only the listed options and true/false', () => {
    const padding: Field = { target: 'padding', kind: 'choice', options: ['valid', 'same'] };
    expect(parseFieldText(padding, 'same')).toEqual({ ok: true, value: 'same' });
    expect(parseFieldText(padding, 'causal')).toEqual({
      ok: false,
      problem: { code: 'arg-not-option', values: { options: ['valid', 'same'], entered: 'causal' } },
    });
    expect(parseFieldText(padding, 'SAME')).toMatchObject({ ok: false });
    const bias: Field = { target: 'use_bias', kind: 'bool' };
    expect(parseFieldText(bias, 'false')).toEqual({ ok: true, value: false });
    expect(parseFieldText(bias, '0')).toMatchObject({ ok: false });
  });
});

describe('starting values', () => {
  it('come from the preset, else from Keras defaults', () => {
    // input 28, 28, 1; filters 32; kernel 3 on both axes; Conv2D's defaults strides=1, padding="valid", use_bias=True
    expect(startTexts(conv)).toEqual(['28', '28', '1', '32', '3', '3', '1', 'valid', 'true']);
  });
  it('take a whole-argument field over a tuple only when every axis agrees', () => {
    const square = prepare({
      ...conv,
      layers: [{ type: 'Conv2D', args: { filters: 8, kernel_size: [5, 5] } }],
      fields: [int('kernel_size')],
    });
    expect(startValue(square, square.fields[0]!)).toBe(5);
    const oblong = prepare({ ...square, layers: [{ type: 'Conv2D', args: { filters: 8, kernel_size: [1, 7] } }] });
    expect(startValue(oblong, oblong.fields[0]!)).toBeNull();
  });
});

describe('applyValues', () => {
  it('puts input axes in the input shape and arguments in the layer', () => {
    const a = applyValues(conv, [13, 13, 32, 64, 3, 3, 1, 'valid', true]);
    expect(a.input).toEqual([null, 13, 13, 32]);
    expect(a.layers[0]!.args).toMatchObject({ filters: 64, strides: 1, padding: 'valid', use_bias: true });
  });
  it('turns an int kernel_size into a tuple when one axis is set', () => {
    const a = applyValues(conv, [null, null, null, null, 1, null, null, null, null]);
    expect(a.layers[0]!.args!['kernel_size']).toEqual([1, 3]);
    const b = applyValues(conv, [null, null, null, null, 5, 7, null, null, null]);
    expect(b.layers[0]!.args!['kernel_size']).toEqual([5, 7]);
  });
  it('never changes the preset itself', () => {
    applyValues(conv, [1, 2, 3, 4, 5, 6, 7, 'same', false]);
    expect(conv.input).toEqual([null, 28, 28, 1]);
    expect(conv.layers[0]!.args).toEqual({ filters: 32, kernel_size: 3 });
  });
  it('sets an argument on every layer that takes it, or on the one layer named', () => {
    const a = applyValues(trio, [16, 8, 5, 2, 128]);
    expect(a.input).toEqual([null, 56, 56, 16]);
    // DepthwiseConv2D has no filters; Conv2D has no depth_multiplier
    expect(a.layers.map((l) => l.args!['filters'])).toEqual([8, undefined, 128]);
    expect(a.layers.map((l) => l.args!['kernel_size'])).toEqual([5, 5, 5]);
    expect(a.layers.map((l) => l.args!['depth_multiplier'])).toEqual([undefined, 2, 2]);
  });
  it('sets input[a] on every input and inputs[k][a] on one', () => {
    expect(applyValues(add, [16, null]).input).toEqual([
      [null, 16],
      [null, 16],
    ]);
    expect(applyValues(add, [16, 4]).input).toEqual([
      [null, 16],
      [null, 4],
    ]);
  });
});

describe('fieldForArg', () => {
  it("maps the engine's argument names to fields", () => {
    expect(fieldForArg(conv, 'input_shape[1]', 0)).toBe(0);
    expect(fieldForArg(conv, 'input_shape[3]', 0)).toBe(2);
    expect(fieldForArg(conv, 'filters', 0)).toBe(3);
    expect(fieldForArg(conv, 'kernel_size[1]', 0)).toBe(5);
    // a 2-D message about the kernel as a whole goes to its first axis
    expect(fieldForArg(conv, 'kernel_size', 0)).toBe(4);
    expect(fieldForArg(conv, 'padding', 0)).toBe(7);
    expect(fieldForArg(conv, 'groups', 0)).toBeNull();
    expect(fieldForArg(conv, 'input_shape[0]', 0)).toBeNull();
  });
  it('maps indexed arguments to a whole-argument field', () => {
    expect(fieldForArg(trio, 'kernel_size[0]', 1)).toBe(2);
  });
  it('respects layers[k] targets', () => {
    expect(fieldForArg(trio, 'filters', 0)).toBe(1);
    expect(fieldForArg(trio, 'filters', 2)).toBe(4);
    expect(fieldForArg(trio, 'depth_multiplier', 0)).toBeNull();
  });
  it("maps several inputs' axes", () => {
    expect(fieldForArg(add, 'input_shape[0][1]', 0)).toBe(0);
    expect(fieldForArg(add, 'input_shape[1][1]', 0)).toBe(0);
  });
});

describe('narrower targets win', () => {
  it('applies kernel_size[0] over kernel_size and layers[k].x over x whatever the field order', () => {
    const p = prepare({ ...trio, fields: [int('layers[2].filters'), int('filters'), int('kernel_size[1]'), int('kernel_size')] });
    const a = applyValues(p, [128, 8, 1, 5]);
    expect(a.layers.map((l) => l.args!['filters'])).toEqual([8, undefined, 128]);
    expect(a.layers.map((l) => l.args!['kernel_size'])).toEqual([
      [5, 1],
      [5, 1],
      [5, 1],
    ]);
    expect(fieldForArg(p, 'filters', 2)).toBe(0);
    expect(fieldForArg(p, 'filters', 0)).toBe(1);
  });
});
