/**
 * "Which one of these changes alters the parameter count?" A layer and four candidate edits; the
 * engine is asked for the count with each edit applied, and exactly one of the four must move it.
 * Which edits move a count is never written here: the draw offers edits, src/calc decides, and a
 * draw that does not give one mover and three stayers is drawn again.
 */
import { equationText, formulaText, groupDigits, isWindowStep, windowArithmetic, type LayerArgs, type Shape } from '@calc/basics.ts';
import { kerasDefaults, type Row } from '@calc/engine.ts';
import { formulaInWords } from '../hints.ts';
import { callText, mustRow, rowOf, shapeCode } from '../layer.ts';
import type { Draft, MistakeId, Option, Rng, Template, Text } from '../types.ts';

/** One candidate edit: the layer's arguments and input after it, and how to word it. */
interface Edit {
  /** `<what>:<new value>` — stable, and enough for a test to apply the edit again. */
  id: string;
  label: Text;
  /** The edit as a short phrase for the notes: `strides=2`, `a 56 × 56 input`. */
  change: Text;
  args: LayerArgs;
  input: Shape;
  /** Why a reader might think it changes the count, and why it does not (used only if the engine says it does not). */
  mistake?: MistakeId;
  reason?: Text;
}

/** Python's spelling of an argument value. */
const py = (v: unknown): string =>
  typeof v === 'string' ? `"${v}"` : typeof v === 'boolean' ? (v ? 'True' : 'False') : v === null || v === undefined ? 'None' : String(v);

const code = (text: string): Text => ({ en: `\`${text}\``, 'zh-cn': `\`${text}\`` });

/** `strides=1` → `strides=2`, with the Chinese term in front. */
function argEdit(name: string, zhTerm: string, from: unknown, to: unknown, args: LayerArgs, input: Shape, extra: Partial<Edit> = {}): Edit {
  return {
    id: `${name}:${String(to).toLowerCase()}`,
    label: { en: `\`${name}=${py(from)}\` → \`${name}=${py(to)}\``, 'zh-cn': `${zhTerm}：\`${name}=${py(from)}\` → \`${name}=${py(to)}\`` },
    change: code(`${name}=${py(to)}`),
    args: { ...args, [name]: to },
    input,
    ...extra,
  };
}

/** `改为 \`strides=2\` 后` / `改为 56 × 56 的输入后`: a space only between Chinese and code or digits. */
function changedTo(change: Text): string {
  const text = change['zh-cn'];
  const cjk = /[\u4e00-\u9fff]/;
  return `改为${cjk.test(text[0] ?? '') ? '' : ' '}${text}${cjk.test(text.at(-1) ?? '') ? '' : ' '}后`;
}

interface Base {
  type: string;
  positional: unknown[];
  args: LayerArgs;
  input: Shape;
  edits: Edit[];
}

/** Conv2D(f, k) on (None, S, S, C) and the edits offered for it. */
function convBase(rng: Rng): Base {
  const filters = rng.pick([16, 32, 64]);
  const k = rng.pick([3, 5]);
  const channels = rng.pick([1, 3, 16, 32]);
  const size = rng.pick([14, 28, 32]);
  const defaults = kerasDefaults('Conv2D') ?? {};
  const args = { filters, kernel_size: k };
  const input: Shape = [null, size, size, channels];
  const d = (name: string): unknown => defaults[name];
  const edits: Edit[] = [
    argEdit('strides', '步幅', d('strides'), 2, args, input, {
      mistake: 'placement-and-params',
      reason: { en: 'the stride only decides how far each filter moves between positions.', 'zh-cn': '步幅只决定滤波器每次移动多远。' },
    }),
    argEdit('padding', '填充', d('padding'), 'same', args, input, {
      mistake: 'placement-and-params',
      reason: {
        en: 'padding only adds zeros around the input; the filters stay as they are.',
        'zh-cn': '填充只是在输入四周补零，滤波器本身不变。',
      },
    }),
    argEdit('dilation_rate', '膨胀率', d('dilation_rate'), 2, args, input, {
      mistake: 'placement-and-params',
      reason: {
        en: `dilation spreads the same ${k} × ${k} taps further apart; it adds no weights.`,
        'zh-cn': `膨胀率只是把同样的 ${k} × ${k} 个位置拉开，并不增加权重。`,
      },
    }),
    {
      id: `size:${size * 2}`,
      label: {
        en: `input size: ${size} × ${size} → ${size * 2} × ${size * 2}`,
        'zh-cn': `输入尺寸：${size} × ${size} → ${size * 2} × ${size * 2}`,
      },
      change: { en: `a ${size * 2} × ${size * 2} input`, 'zh-cn': `${size * 2} × ${size * 2} 的输入` },
      args,
      input: [null, size * 2, size * 2, channels],
      mistake: 'image-size-and-params',
      reason: {
        en: 'the same filters slide over every position, however many positions there are.',
        'zh-cn': '同一组滤波器滑过每个位置，位置再多也还是这一组。',
      },
    },
    {
      id: `filters:${filters * 2}`,
      label: { en: `\`filters\`: ${filters} → ${filters * 2}`, 'zh-cn': `滤波器个数 \`filters\`：${filters} → ${filters * 2}` },
      change: code(`filters=${filters * 2}`),
      args: { ...args, filters: filters * 2 },
      input,
    },
    {
      id: `kernel_size:${k + 2}`,
      label: { en: `\`kernel_size\`: ${k} → ${k + 2}`, 'zh-cn': `卷积核大小 \`kernel_size\`：${k} → ${k + 2}` },
      change: code(`kernel_size=${k + 2}`),
      args: { ...args, kernel_size: k + 2 },
      input,
    },
    argEdit('use_bias', '偏置', d('use_bias'), false, args, input),
    {
      id: `channels:${channels * 2}`,
      label: { en: `input channels: ${channels} → ${channels * 2}`, 'zh-cn': `输入通道数：${channels} → ${channels * 2}` },
      change: { en: `${channels * 2} input channels`, 'zh-cn': `${channels * 2} 个输入通道` },
      args,
      input: [null, size, size, channels * 2],
    },
  ];
  return { type: 'Conv2D', positional: [filters, k], args, input, edits };
}

/** Dense(u) on a sequence (None, T, F) and the edits offered for it. */
function denseBase(rng: Rng): Base {
  const units = rng.pick([8, 16, 32, 64, 128]);
  const features = rng.pick([4, 8, 16, 32, 64, 100]);
  const steps = rng.pick([5, 10, 20, 50]);
  const batch = rng.pick([16, 32, 64]);
  const activation = rng.pick(['relu', 'tanh', 'softmax']);
  const defaults = kerasDefaults('Dense') ?? {};
  const args = { units };
  const input: Shape = [null, steps, features];
  return {
    type: 'Dense',
    positional: [units],
    args,
    input,
    edits: [
      {
        id: `steps:${steps * 2}`,
        label: { en: `sequence length: ${steps} → ${steps * 2}`, 'zh-cn': `序列长度：${steps} → ${steps * 2}` },
        change: { en: `${steps * 2} time steps`, 'zh-cn': `${steps * 2} 个时间步` },
        args,
        input: [null, steps * 2, features],
        mistake: 'dense-flattens',
        reason: {
          en: '`Dense` applies the same weights to the features of every time step; the number of steps never enters.',
          'zh-cn': '`Dense` 在每个时间步的特征上用同一组权重，时间步的个数不计入参数量。',
        },
      },
      {
        id: `batch:${batch * 2}`,
        label: { en: `batch size in \`fit\`: ${batch} → ${batch * 2}`, 'zh-cn': `\`fit\` 的批量大小：${batch} → ${batch * 2}` },
        change: { en: `batches of ${batch * 2}`, 'zh-cn': `每批 ${batch * 2} 个样本` },
        args,
        input: [batch * 2, steps, features],
        mistake: 'batch-axis',
        reason: {
          en: 'every example of a batch goes through the same weights, so the batch size never enters a count.',
          'zh-cn': '一批里的每个样本都经过同一组权重，所以批量大小不会出现在参数量里。',
        },
      },
      {
        id: `activation:${activation}`,
        label: { en: `add \`activation="${activation}"\``, 'zh-cn': `加上激活函数 \`activation="${activation}"\`` },
        change: code(`activation="${activation}"`),
        args: { ...args, activation },
        input,
        mistake: 'weightless-layers',
        reason: {
          en: 'an activation is a fixed function applied to each value; it has no weights.',
          'zh-cn': '激活函数是作用在每个值上的固定函数，没有权重。',
        },
      },
      {
        id: `units:${units * 2}`,
        label: { en: `\`units\`: ${units} → ${units * 2}`, 'zh-cn': `单元数 \`units\`：${units} → ${units * 2}` },
        change: code(`units=${units * 2}`),
        args: { units: units * 2 },
        input,
      },
      {
        id: `features:${features * 2}`,
        label: { en: `input features: ${features} → ${features * 2}`, 'zh-cn': `输入特征数：${features} → ${features * 2}` },
        change: { en: `${features * 2} input features`, 'zh-cn': `${features * 2} 个输入特征` },
        args,
        input: [null, steps, features * 2],
      },
      argEdit('use_bias', '偏置', defaults['use_bias'], false, args, input),
    ],
  };
}

/** The draft for one base layer: one edit the engine says moves the count, three it says do not. */
function draft(rng: Rng, base: Base): Draft | null {
  const row = mustRow({ type: base.type, args: base.args, input: base.input });
  if (!row.formula) return null;
  const count = row.params;
  const results = base.edits.map((edit) => ({ edit, row: rowOf({ type: base.type, args: edit.args, input: edit.input }) }));
  const built = results.filter((r): r is { edit: Edit; row: Row } => r.row !== null);
  const movers = built.filter((r) => r.row.params !== count);
  const stayers = built.filter((r) => r.row.params === count && r.edit.mistake && r.edit.reason);
  if (movers.length === 0 || stayers.length < 3) return null;
  const right = rng.pick(movers);
  const wrong = rng.shuffle(stayers).slice(0, 3);
  const n = groupDigits(count);
  const layerCode = callText(base.type, base.positional);
  const inputCode = shapeCode(base.input);
  const stayNote = ({ edit, row: r }: { edit: Edit; row: Row }): Text => {
    const same = JSON.stringify(r.outputShape) === JSON.stringify(row.outputShape);
    const shape = shapeCode((r.outputShape ?? []) as (number | null)[]);
    return same
      ? {
          en: `With ${edit.change.en}, the output stays \`${shape}\` and the count stays ${n}: ${edit.reason!.en}`,
          'zh-cn': `${changedTo(edit.change)}，输出仍是 \`${shape}\`，参数量仍是 ${n}：${edit.reason!['zh-cn']}`,
        }
      : {
          en: `With ${edit.change.en}, the output becomes \`${shape}\`, but the count stays ${n}: ${edit.reason!.en}`,
          'zh-cn': `${changedTo(edit.change)}，输出变成 \`${shape}\`，但参数量仍是 ${n}：${edit.reason!['zh-cn']}`,
        };
  };
  const options: Option[] = rng.shuffle([
    { id: right.edit.id, label: right.edit.label },
    ...wrong.map((w) => ({ id: w.edit.id, label: w.edit.label, mistake: w.edit.mistake!, note: stayNote(w) })),
  ]);
  const words = formulaInWords(row.formula);
  const substituted = formulaText(row.formula);
  const moved = right.row.formula ? equationText(right.row.formula) : groupDigits(right.row.params);
  const notes = wrong.map(stayNote);
  return {
    prompt: {
      en: `\`${layerCode}\` receives \`${inputCode}\` and has ${n} parameters. Which one of these changes alters its parameter count?`,
      'zh-cn': `\`${layerCode}\` 的输入是 \`${inputCode}\`，它有 ${n} 个参数。下面哪一个改动会改变它的参数量？`,
    },
    response: { kind: 'choice', options, correct: right.edit.id },
    hints: [
      {
        en: `The count of \`${base.type}\` is \`${words.en}\`. Which change alters one of these numbers?`,
        'zh-cn': `\`${base.type}\` 的参数量是 \`${words['zh-cn']}\`。哪个改动会改变其中的某个数？`,
      },
      {
        en: `Here that is \`${substituted}\` = ${n}. Put each option into it.`,
        'zh-cn': `代入这道题的数：\`${substituted}\` = ${n}。把每个选项分别代进去。`,
      },
      {
        en: `For three of the options the formula stays \`${substituted}\`: they may change the output shape, but not the count.`,
        'zh-cn': `有三个选项代入后公式仍是 \`${substituted}\`：它们也许会改变输出形状，但不会改变参数量。`,
      },
    ],
    solution: {
      en: `With ${right.edit.change.en}, the count becomes \`${moved}\` instead of ${n}. The other three leave it alone. ${notes.map((x) => x.en).join(' ')}`,
      'zh-cn': `${changedTo(right.edit.change)}，参数量变成 \`${moved}\`，而不是 ${n}。另外三个改动都不改变参数量。${notes.map((x) => x['zh-cn']).join('')}`,
    },
  };
}

export const whichChangeConv2d: Template = {
  id: 'which-change-conv2d',
  skill: 'which-change',
  lessons: ['conv2d'],
  covers: ['Conv2D'],
  mistakes: ['placement-and-params', 'image-size-and-params'],
  draw: (rng) => draft(rng, convBase(rng)),
};

export const whichChangeDense: Template = {
  id: 'which-change-dense',
  skill: 'which-change',
  lessons: ['dense'],
  covers: ['Dense'],
  mistakes: ['dense-flattens', 'batch-axis', 'weightless-layers'],
  draw: (rng) => draft(rng, denseBase(rng)),
};

/**
 * Pooling has no weights, so nothing changes its count: the pooling variant asks the other way
 * round about the shape — which one change leaves the output shape as it is? The engine decides
 * which edits keep it; a draw with not exactly one keeper among the four offered is drawn again.
 */
function poolingDraft(rng: Rng): Draft | null {
  const p = rng.pick([2, 3]);
  const size = rng.pick([12, 14, 15, 27, 28, 32]);
  const channels = rng.pick([8, 16, 32]);
  const type = 'MaxPooling2D';
  const args = { pool_size: p };
  const input: Shape = [null, size, size, channels];
  const row = mustRow({ type, args, input });
  const step = row.steps.find(isWindowStep);
  if (!step || !row.outputShape) return null;
  const defaults = kerasDefaults(type) ?? {};
  const shape = shapeCode(row.outputShape as (number | null)[]);
  type PoolEdit = Edit & { kind: string };
  const edits: PoolEdit[] = [
    { ...argEdit('strides', '步幅', defaults['strides'], p, args, input), kind: 'same' },
    {
      ...argEdit('strides', '步幅', defaults['strides'], 1, args, input),
      kind: 'move',
      mistake: 'pool-stride-default',
      reason: {
        en: `\`strides=None\` already meant a stride of ${p}, the pool size; a stride of 1 makes the windows overlap.`,
        'zh-cn': `\`strides=None\` 本来就表示步幅等于池化窗口大小 ${p}；步幅为 1 时窗口会互相重叠。`,
      },
    },
    {
      id: 'type:averagepooling2d',
      label: { en: '`MaxPooling2D` → `AveragePooling2D`', 'zh-cn': '换成平均池化：`MaxPooling2D` → `AveragePooling2D`' },
      change: code('AveragePooling2D'),
      args,
      input,
      kind: 'swap',
    },
    {
      id: `size:${size + 1}`,
      label: {
        en: `input size: ${size} × ${size} → ${size + 1} × ${size + 1}`,
        'zh-cn': `输入尺寸：${size} × ${size} → ${size + 1} × ${size + 1}`,
      },
      change: { en: `a ${size + 1} × ${size + 1} input`, 'zh-cn': `${size + 1} × ${size + 1} 的输入` },
      args,
      input: [null, size + 1, size + 1, channels],
      kind: 'same',
    },
    {
      id: `pool_size:${p + 1}`,
      label: { en: `\`pool_size\`: ${p} → ${p + 1}`, 'zh-cn': `池化窗口大小 \`pool_size\`：${p} → ${p + 1}` },
      change: code(`pool_size=${p + 1}`),
      args: { pool_size: p + 1 },
      input,
      kind: 'move',
      reason: {
        en: `with \`strides=None\` the stride grows with the window, to ${p + 1}.`,
        'zh-cn': `在 \`strides=None\` 下，步幅随窗口一起变成 ${p + 1}。`,
      },
    },
    {
      id: `channels:${channels * 2}`,
      label: { en: `input channels: ${channels} → ${channels * 2}`, 'zh-cn': `输入通道数：${channels} → ${channels * 2}` },
      change: { en: `${channels * 2} input channels`, 'zh-cn': `${channels * 2} 个输入通道` },
      args,
      input: [null, size, size, channels * 2],
      kind: 'move',
      reason: { en: 'pooling works on each channel separately and keeps them all.', 'zh-cn': '池化在每个通道上分别进行，通道全部保留。' },
    },
  ];
  const results = edits.map((edit) => {
    const r = rowOf({ type: edit.kind === 'swap' ? 'AveragePooling2D' : type, args: edit.args, input: edit.input });
    return { edit, shape: r?.outputShape ? shapeCode(r.outputShape as (number | null)[]) : null };
  });
  const keepers = results.filter((r) => r.shape === shape);
  const movers = results.filter((r): r is { edit: PoolEdit; shape: string } => r.shape !== null && r.shape !== shape);
  if (keepers.length === 0 || movers.length < 3) return null;
  const right = rng.pick(keepers);
  const wrong = rng.shuffle(movers).slice(0, 3);
  const moveNote = (w: { edit: PoolEdit; shape: string }): Text => ({
    en: `With ${w.edit.change.en}, the output becomes \`${w.shape}\` instead of \`${shape}\`${w.edit.reason ? `: ${w.edit.reason.en}` : '.'}`,
    'zh-cn': `${changedTo(w.edit.change)}，输出变成 \`${w.shape}\`，而不是 \`${shape}\`${w.edit.reason ? `：${w.edit.reason['zh-cn']}` : '。'}`,
  });
  const options: Option[] = rng.shuffle([
    { id: right.edit.id, label: right.edit.label },
    ...wrong.map((w) => ({
      id: w.edit.id,
      label: w.edit.label,
      ...(w.edit.mistake ? { mistake: w.edit.mistake } : {}),
      note: moveNote(w),
    })),
  ]);
  const layerCode = callText(type, [p]);
  const arithmetic = windowArithmetic(step);
  const keep: Text =
    right.edit.kind === 'swap'
      ? {
          en: 'average pooling slides the same windows as max pooling; only the value it takes from each window differs.',
          'zh-cn': '平均池化与最大池化滑动的窗口完全相同，只是从每个窗口取出的值不同。',
        }
      : right.edit.id.startsWith('size:')
        ? {
            en: `\`${windowArithmetic(mustRow({ type, args, input: right.edit.input }).steps.find(isWindowStep) ?? step)}\` — the output rounds down, so the leftover that fills no window is dropped.`,
            'zh-cn': `\`${windowArithmetic(mustRow({ type, args, input: right.edit.input }).steps.find(isWindowStep) ?? step)}\`，输出向下取整，凑不满一个窗口的剩余部分被丢掉。`,
          }
        : {
            en: `\`strides=None\` already meant a stride of ${p}, the pool size.`,
            'zh-cn': `\`strides=None\` 本来就表示步幅等于池化窗口大小 ${p}。`,
          };
  const notes = wrong.map(moveNote);
  return {
    prompt: {
      en: `\`${layerCode}\` receives \`${shapeCode(input)}\` and outputs \`${shape}\`. It has no parameters, so ask about its shape: which one of these changes leaves the output shape as it is?`,
      'zh-cn': `\`${layerCode}\` 的输入是 \`${shapeCode(input)}\`，输出是 \`${shape}\`。它没有参数，所以这里问形状：下面哪一个改动不会改变输出形状？`,
    },
    response: { kind: 'choice', options, correct: right.edit.id },
    hints: [
      {
        en: 'Each side of the output is ⌊(input − pool_size) / strides⌋ + 1, and `strides=None` means a stride equal to `pool_size`; the channels pass through.',
        'zh-cn': '输出的每条边是 ⌊(输入 − pool_size) / strides⌋ + 1，而 `strides=None` 表示步幅等于 `pool_size`；通道数保持不变。',
      },
      {
        en: `Here each side is \`${arithmetic}\`. Put each option into it.`,
        'zh-cn': `这道题的每条边是 \`${arithmetic}\`。把每个选项分别代进去。`,
      },
      {
        en: 'Three of the options change a number in that line, or the channels; one gives the same numbers back.',
        'zh-cn': '有三个选项会改变这一行里的某个数或通道数；只有一个代入后结果不变。',
      },
    ],
    solution: {
      en: `With ${right.edit.change.en}, the output stays \`${shape}\`: ${keep.en} ${notes.map((x) => x.en).join(' ')}`,
      'zh-cn': `${changedTo(right.edit.change)}，输出仍是 \`${shape}\`：${keep['zh-cn']}${notes.map((x) => x['zh-cn']).join('')}`,
    },
  };
}

export const whichChangePooling: Template = {
  id: 'which-change-pooling',
  skill: 'which-change',
  lessons: ['pooling'],
  covers: ['MaxPooling2D', 'AveragePooling2D'],
  mistakes: ['pool-stride-default'],
  draw: poolingDraft,
};
