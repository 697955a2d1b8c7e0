/**
 * The home page's calculator: the first Conv2D of the classic MNIST CNN, `Conv2D(32, 3)` on a
 * 28×28 grey-scale image, with the input and the layer's two numbers editable.
 */
import type { CalculatorPreset } from './types.ts';

export const calculators = {
  conv2d: {
    id: 'home-conv2d',
    title: { en: 'Try it: the first Conv2D of the MNIST CNN', 'zh-cn': '动手试试：MNIST 卷积网络的第一个 Conv2D' },
    layers: [{ type: 'Conv2D', args: { filters: 32, kernel_size: 3 } }],
    input: [null, 28, 28, 1],
    fields: [
      { target: 'input[1]', kind: 'int', min: 1, max: 128 },
      { target: 'input[2]', kind: 'int', min: 1, max: 128 },
      { target: 'input[3]', kind: 'int', min: 1, max: 256 },
      { target: 'filters', kind: 'int', min: 1, max: 256 },
      { target: 'kernel_size', kind: 'int', min: 1, max: 11 },
    ],
    show: ['params', 'formula', 'shape', 'weights'],
  },
} satisfies Record<string, CalculatorPreset>;
