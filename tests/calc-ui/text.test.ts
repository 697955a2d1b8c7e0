/** Default field labels, from the Keras argument or input axis a field targets, in both locales. */
import { describe, expect, it } from 'vitest';
import type { CalculatorPreset, Field } from '@lessons/types.ts';
import { calculatorText } from '@components/islands/calculator/text.ts';

const int = (target: string, label?: { en: string; 'zh-cn': string }): Field => ({
  target,
  kind: 'int',
  min: 1,
  max: 9,
  ...(label ? { label } : {}),
});
const preset = (layers: CalculatorPreset['layers'], input: CalculatorPreset['input'], targets: (string | Field)[]): CalculatorPreset => ({
  id: 't',
  title: { en: 'Title', 'zh-cn': '标题' },
  layers,
  input,
  fields: targets.map((t) => (typeof t === 'string' ? int(t) : t)),
  show: ['params'],
});
const labels = (p: CalculatorPreset, locale: 'en' | 'zh-cn' = 'en'): string[] => calculatorText(p, locale).fields.map((f) => f.label);

describe('default labels', () => {
  it("names a Conv2D's input axes and arguments", () => {
    const p = preset(
      [{ type: 'Conv2D', args: { filters: 8, kernel_size: 3 } }],
      [null, 28, 28, 1],
      ['input[1]', 'input[2]', 'input[3]', 'filters', 'kernel_size', 'kernel_size[1]'],
    );
    expect(labels(p)).toEqual(['Input height', 'Input width', 'Input channels', 'Filters', 'Kernel size', 'Kernel size, width']);
    expect(labels(p, 'zh-cn')).toEqual(['输入高度', '输入宽度', '输入通道数', '滤波器个数', '卷积核大小', '卷积核大小（宽度）']);
  });
  it('follows channels_first', () => {
    const p = preset([{ type: 'MaxPooling2D', args: { data_format: 'channels_first' } }], [null, 3, 32, 32], ['input[1]', 'input[2]']);
    expect(labels(p)).toEqual(['Input channels', 'Input height']);
  });
  it("finds spatial axes from the layer's shape steps, whatever its type: ZeroPadding2D and UpSampling1D", () => {
    expect(
      labels(preset([{ type: 'ZeroPadding2D', args: { padding: 1 } }], [null, 28, 28, 3], ['input[1]', 'input[2]', 'input[3]'])),
    ).toEqual(['Input height', 'Input width', 'Input channels']);
    expect(labels(preset([{ type: 'UpSampling1D' }], [null, 10, 4], ['input[1]', 'input[2]']))).toEqual(['Input length', 'Input channels']);
  });
  it('names 1-D and 3-D axes', () => {
    expect(labels(preset([{ type: 'Conv1D', args: { filters: 8, kernel_size: 3 } }], [null, 100, 4], ['input[1]', 'input[2]']))).toEqual([
      'Input length',
      'Input channels',
    ]);
    expect(
      labels(preset([{ type: 'Conv3D', args: { filters: 8, kernel_size: 3 } }], [null, 8, 8, 8, 1], ['input[1]', 'kernel_size[0]'])),
    ).toEqual(['Input depth', 'Kernel size, depth']);
  });
  it('calls the last axis features for Dense and recurrent layers, the middle one steps', () => {
    expect(labels(preset([{ type: 'Dense', args: { units: 3 } }], [null, 64], ['input[1]', 'units']))).toEqual(['Input features', 'Units']);
    expect(labels(preset([{ type: 'LSTM', args: { units: 3 } }], [null, 20, 8], ['input[1]', 'input[2]']))).toEqual([
      'Input steps',
      'Input features',
    ]);
  });
  it('numbers several inputs and shows unknown arguments by their Keras name', () => {
    const p = preset(
      [{ type: 'Add' }],
      [
        [null, 8],
        [null, 8],
      ],
      ['inputs[1][1]', 'input[1]', 'some_new_arg'],
    );
    expect(labels(p)).toEqual(['Input 2: features', 'Input features', 'some_new_arg']);
  });
  it("uses the preset's own label and help when given", () => {
    const p = preset([{ type: 'Dense', args: { units: 3 } }], [null, 64], [int('units', { en: 'Classes', 'zh-cn': '类别数' })]);
    expect(labels(p, 'zh-cn')).toEqual(['类别数']);
    expect(calculatorText(p, 'zh-cn').title).toBe('标题');
    expect(calculatorText(p, 'en').layers).toEqual(['Dense']);
  });
});
