/**
 * One Dense layer's parameter count: on a feature vector, on a sequence (only the last axis
 * counts), and after a Flatten (every axis of the image counts). Every number comes from src/calc.
 */
import { callText, mustRow, rowOf, shapeCode } from '../layer.ts';
import type { Template } from '../types.ts';
import { countDraft, layerPrompt, n, single, wrong } from './params-shared.ts';

export const denseParams: Template = {
  id: 'dense-params',
  skill: 'layer-params',
  lessons: ['dense', 'putting-it-together'],
  covers: ['Dense'],
  mistakes: ['forgot-bias', 'swapped-channels'],
  draw(rng) {
    const units = rng.pick([2, 8, 10, 16, 32, 64, 100, 128, 256, 512]);
    const features = rng.pick([4, 10, 20, 64, 100, 128, 256, 300, 784]);
    if (units === features) return null;
    const input = [null, features];
    const args = { units };
    const row = mustRow({ type: 'Dense', args, input });
    if (!row.formula) return null;
    const noBias = rowOf({ type: 'Dense', args: { ...args, use_bias: false }, input })?.params;
    const swapped = rowOf({ type: 'Dense', args: { units: features }, input: [null, units] })?.params;
    return countDraft({
      prompt: layerPrompt(callText('Dense', [units]), shapeCode(input)),
      value: row.params,
      formula: row.formula,
      layer: { type: 'Dense', args },
      input,
      mistakes: [
        ...wrong('forgot-bias', noBias, (v) => ({
          en: `${v} is ${features} × ${units}, the kernel alone; each of the ${units} units also has a bias.`,
          'zh-cn': `${v} 是 ${features} × ${units}，只是权重矩阵；${units} 个单元还各有一个偏置。`,
        })),
        ...wrong('swapped-channels', swapped, (v) => ({
          en: `${v} is a \`Dense(${features})\` on ${units} features. Here the layer receives ${features} features and makes ${units}.`,
          'zh-cn': `${v} 是 ${units} 个输入特征上的 \`Dense(${features})\`。这里这一层收到 ${features} 个特征，输出 ${units} 个。`,
        })),
      ],
    });
  },
};

export const denseSequenceParams: Template = {
  id: 'dense-sequence-params',
  skill: 'layer-params',
  lessons: ['dense'],
  covers: ['Dense'],
  mistakes: ['dense-flattens', 'forgot-bias'],
  draw(rng) {
    const units = rng.pick([4, 8, 10, 16, 32, 64, 128]);
    const steps = rng.pick([5, 10, 20, 50, 100]);
    const features = rng.pick([3, 5, 8, 16, 32, 64, 128]);
    const input = [null, steps, features];
    const args = { units };
    const row = mustRow({ type: 'Dense', args, input });
    if (!row.formula) return null;
    const noBias = rowOf({ type: 'Dense', args: { ...args, use_bias: false }, input })?.params;
    // the mistaken reading: Flatten first, then Dense on the flat vector
    const flat = single(rowOf({ type: 'Flatten', input })?.outputShape);
    const flattened = flat ? rowOf({ type: 'Dense', args, input: flat })?.params : undefined;
    return countDraft({
      prompt: layerPrompt(callText('Dense', [units]), shapeCode(input)),
      value: row.params,
      formula: row.formula,
      layer: { type: 'Dense', args },
      input,
      mistakes: [
        ...wrong('dense-flattens', flattened, (v) => ({
          en: `${v} would be a \`Dense\` on all ${steps} × ${features} values. \`Dense\` reads only the last axis: ${features} features, the same weights at each of the ${steps} steps.`,
          'zh-cn': `${v} 相当于把 ${steps} × ${features} 个值全部接入 \`Dense\`。\`Dense\` 只读最后一个轴：${features} 个特征，${steps} 个时间步共用同一组权重。`,
        })),
        ...wrong('forgot-bias', noBias, (v) => ({
          en: `${v} is ${features} × ${units}, the kernel alone; each of the ${units} units also has a bias.`,
          'zh-cn': `${v} 是 ${features} × ${units}，只是权重矩阵；${units} 个单元还各有一个偏置。`,
        })),
      ],
    });
  },
};

export const denseAfterFlatten: Template = {
  id: 'dense-after-flatten',
  skill: 'layer-params',
  lessons: ['flatten', 'dense'],
  covers: ['Dense', 'Flatten'],
  mistakes: ['flatten-size', 'forgot-bias'],
  draw(rng) {
    const size = rng.pick([3, 4, 5, 6, 7, 12, 13]);
    const channels = rng.pick([8, 16, 32, 64, 128]);
    const units = rng.pick([10, 32, 64, 128, 256]);
    const image = [null, size, size, channels];
    const flat = single(mustRow({ type: 'Flatten', input: image }).outputShape);
    if (!flat) return null;
    const args = { units };
    const row = mustRow({ type: 'Dense', args, input: flat });
    if (!row.formula) return null;
    const noBias = rowOf({ type: 'Dense', args: { ...args, use_bias: false }, input: flat })?.params;
    // the mistaken Flatten: the channels left out, as if the image had one
    const flatOne = single(rowOf({ type: 'Flatten', input: [null, size, size, 1] })?.outputShape);
    const noChannels = flatOne ? rowOf({ type: 'Dense', args, input: flatOne })?.params : undefined;
    const dense = callText('Dense', [units]);
    return countDraft({
      prompt: {
        en: `\`Flatten()\` receives \`${shapeCode(image)}\` and \`${dense}\` comes next. How many parameters does the \`Dense\` layer have?`,
        'zh-cn': `\`Flatten()\` 的输入是 \`${shapeCode(image)}\`，后面接 \`${dense}\`。这个 \`Dense\` 层有多少个参数？`,
      },
      value: row.params,
      formula: row.formula,
      layer: { type: 'Dense', args },
      input: flat,
      mistakes: [
        ...wrong('flatten-size', noChannels, (v) => ({
          en: `${v} counts ${size} × ${size} inputs. \`Flatten\` keeps the channels too: ${size} × ${size} × ${channels} = ${n(flat[1] ?? 0)} features reach the \`Dense\` layer.`,
          'zh-cn': `${v} 只算了 ${size} × ${size} 个输入。\`Flatten\` 也保留通道：进入 \`Dense\` 层的是 ${size} × ${size} × ${channels} = ${n(flat[1] ?? 0)} 个特征。`,
        })),
        ...wrong('forgot-bias', noBias, (v) => ({
          en: `${v} is ${n(flat[1] ?? 0)} × ${units}, the kernel alone; each of the ${units} units also has a bias.`,
          'zh-cn': `${v} 是 ${n(flat[1] ?? 0)} × ${units}，只是权重矩阵；${units} 个单元还各有一个偏置。`,
        })),
      ],
    });
  },
};
