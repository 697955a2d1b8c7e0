/**
 * Calculator presets the calculator tests share. Each test names its own fields, since field
 * indices are what the tests type into; the layers and the starting input are the same everywhere.
 */
import type { CalculatorPreset, Field } from '@lessons/types.ts';

/** An integer field from 1 to 64, the range every shared preset uses. */
export const int = (target: string, extra: Partial<Extract<Field, { kind: 'int' }>> = {}): Field => ({
  target,
  kind: 'int',
  min: 1,
  max: 64,
  ...extra,
});

/** MNIST's first Conv2D: 32 filters of 3 × 3 on a 28 × 28 × 1 image. */
export const mnistConv = (fields: Field[]): CalculatorPreset => ({
  id: 'conv',
  title: { en: 'Conv2D', 'zh-cn': 'Conv2D' },
  layers: [{ type: 'Conv2D', args: { filters: 32, kernel_size: 3 } }],
  input: [null, 28, 28, 1],
  fields,
  show: ['params'],
});

/** Lesson 9's comparison: Conv2D, DepthwiseConv2D and SeparableConv2D side by side on 56 × 56 × 32. */
export const convTrio = (fields: Field[]): CalculatorPreset => ({
  id: 'trio',
  title: { en: 'trio', 'zh-cn': 'trio' },
  layers: [
    { type: 'Conv2D', args: { filters: 64, kernel_size: 3 } },
    { type: 'DepthwiseConv2D', args: { kernel_size: 3 } },
    { type: 'SeparableConv2D', args: { filters: 64, kernel_size: 3 } },
  ],
  input: [null, 56, 56, 32],
  fields,
  show: ['params'],
});
