/**
 * The hint ladder and worked solution of an output-shape question, written from the steps the
 * engine took to shape the layer's output (src/calc/explain.ts): the rule in words, the numbers
 * substituted, then the arithmetic one step short of each size. Nothing here computes a size: the
 * arithmetic text is the engine's own (`windowArithmetic`, `stepArithmetic`).
 */
import { isWindowStep, stepArithmetic, windowArithmetic, type ShapeStep, type WindowStep } from '@calc/basics.ts';
import type { Row } from '@calc/engine.ts';
import { shapeCode } from '../layer.ts';
import type { Text } from '../types.ts';

/** What each spatial axis is called, by how many there are (1D: length; 2D: height, width). */
const AXIS_NAMES: Record<number, { en: string[]; 'zh-cn': string[] }> = {
  1: { en: ['length'], 'zh-cn': ['长度'] },
  2: { en: ['height', 'width'], 'zh-cn': ['高', '宽'] },
  3: { en: ['depth', 'height', 'width'], 'zh-cn': ['深', '高', '宽'] },
};

/** The rule of a window step in symbols: `⌊(n − k) / s⌋ + 1`, `⌈n / s⌉`. */
export function windowRule(step: WindowStep): string {
  switch (step.rule) {
    case 'conv-valid':
    case 'pool-valid':
      return step.dilation === 1 ? '⌊(n − k) / s⌋ + 1' : '⌊(n − d × (k − 1) − 1) / s⌋ + 1';
    case 'conv-same':
    case 'pool-same':
    case 'conv-causal':
      return '⌈n / s⌉';
    case 'transpose-valid':
      return '(n − 1) × s + k';
    case 'transpose-same':
      return 'n × s';
  }
}

/** `⌊(15 − 3) / 2⌋ + 1 = ⌊12 / 2⌋ + 1 = 7` → its parts: the substituted rule, the steps, the size. */
const parts = (step: WindowStep): string[] => windowArithmetic(step).split(' = ');

interface AxisLine {
  name: Text;
  step: WindowStep;
}

/** The window steps of a row with the names of their axes; equal neighbours (a square input) merged. */
function axisLines(row: Row): { name: Text; step: WindowStep }[] {
  const windows = row.steps.filter(isWindowStep);
  const names = AXIS_NAMES[windows.length] ?? {
    en: windows.map((_, i) => `axis ${i + 1}`),
    'zh-cn': windows.map((_, i) => `第 ${i + 1} 轴`),
  };
  const lines: AxisLine[] = windows.map((step, i) => ({ name: { en: names.en[i]!, 'zh-cn': names['zh-cn'][i]! }, step }));
  const same = lines.length > 1 && lines.every((l) => windowArithmetic(l.step) === windowArithmetic(lines[0]!.step));
  if (!same) return lines;
  return [{ name: { en: names.en.join(' and '), 'zh-cn': names['zh-cn'].join('和') }, step: lines[0]!.step }];
}

/** What happens to the last axis, from its step: set by an argument, or passed through. */
function channelsText(row: Row): Text {
  const last = row.steps.find((s: ShapeStep) => !isWindowStep(s) && s.rule === 'set-to-arg');
  if (last && !isWindowStep(last) && last.arg)
    return { en: `the last axis is \`${last.arg}\`, ${last.result[0]}`, 'zh-cn': `最后一个轴等于 \`${last.arg}\`，即 ${last.result[0]}` };
  return { en: 'the channels pass through unchanged', 'zh-cn': '通道数保持不变' };
}

/** What the letters of the rules stand for: only those the rules use. */
function letters(rules: readonly string[]): Text {
  const used = (x: string): boolean => rules.some((r) => r.includes(x));
  const en = [
    'n is the input size',
    ...(used('k') ? ['k the window (kernel or pool size)'] : []),
    's the stride',
    ...(used('d') ? ['d the dilation'] : []),
  ];
  const zh = [
    'n 是输入尺寸',
    ...(used('k') ? ['k 是窗口大小（卷积核大小或池化窗口大小）'] : []),
    's 是步幅',
    ...(used('d') ? ['d 是膨胀率'] : []),
  ];
  return { en: `${en.slice(0, -1).join(', ')} and ${en[en.length - 1]}`, 'zh-cn': zh.join('，') };
}

/** Hints for a sliding-window layer's output shape: rule in words → substituted → arithmetic short of each size. */
export function windowShapeHints(row: Row): [Text, Text, Text] {
  const lines = axisLines(row);
  const rules = [...new Set(lines.map((l) => windowRule(l.step)))];
  const channels = channelsText(row);
  const words = letters(rules);
  const sub = (f: (l: AxisLine) => string, locale: keyof Text): string =>
    lines.map((l) => `${l.name[locale]}${locale === 'en' ? ': ' : '：'}\`${f(l)}\``).join(locale === 'en' ? '; ' : '；');
  const substituted = (l: AxisLine): string => parts(l.step)[0]!;
  const short = (l: AxisLine): string => `${parts(l.step).slice(0, -1).join(' = ')} = ?`;
  const shortZh = (l: AxisLine): string => `${parts(l.step).slice(0, -1).join(' = ')} = ？`;
  return [
    {
      en: `Each spatial axis becomes \`${rules.join('`, `')}\`, where ${words.en}; ${channels.en}.`,
      'zh-cn': `每个空间轴变为 \`${rules.join('`、`')}\`，其中 ${words['zh-cn']}；${channels['zh-cn']}。`,
    },
    { en: `Here: ${sub(substituted, 'en')}.`, 'zh-cn': `代入这道题的数：${sub(substituted, 'zh-cn')}。` },
    { en: `Work it out: ${sub(short, 'en')}.`, 'zh-cn': `算一算：${sub(shortZh, 'zh-cn')}。` },
  ];
}

/** The worked solution: every axis's full arithmetic, then the shape. */
export function windowShapeSolution(row: Row): Text {
  const lines = axisLines(row);
  const channels = channelsText(row);
  const shape = shapeCode(row.outputShape as (number | null)[]);
  return {
    en: `${lines.map((l) => `${l.name.en}: \`${windowArithmetic(l.step)}\``).join('; ')}; ${channels.en}. The output shape is \`${shape}\`.`,
    'zh-cn': `${lines.map((l) => `${l.name['zh-cn']}：\`${windowArithmetic(l.step)}\``).join('；')}；${channels['zh-cn']}。输出形状是 \`${shape}\`。`,
  };
}

/** The arithmetic of a non-window step (Flatten's product), or null. */
export const productArithmetic = (row: Row): string | null => {
  for (const s of row.steps) {
    const text = stepArithmetic(s);
    if (text !== null && !isWindowStep(s)) return text;
  }
  return null;
};
