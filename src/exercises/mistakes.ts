/**
 * The misconception catalogue: the mistakes learners make when they count parameters or work out
 * shapes (docs/learner-mistakes.md has the sources and worked examples). A template lists the
 * mistakes it can recognise and computes, for every variant, the wrong answer each one produces by
 * asking src/calc the question the mistaken way; the reader who gives that answer gets this entry's
 * explanation and the variant's own note.
 */
import type { Mistake } from './types.ts';

const m = (id: string, anchor: string, title: Mistake['title'], explanation: Mistake['explanation']): Mistake => ({
  id,
  anchor: `docs/learner-mistakes.md#${anchor}`,
  title,
  explanation,
});

export const mistakes: readonly Mistake[] = [
  m(
    'forgot-bias',
    'forgot-bias',
    { en: 'Forgot the bias', 'zh-cn': '漏掉了偏置' },
    {
      en: 'You counted the weights but not the biases: every unit or filter adds one bias (unless `use_bias=False`).',
      'zh-cn': '你数了权重，却漏掉了偏置：每个单元或滤波器都另有一个偏置（除非 `use_bias=False`）。',
    },
  ),
  m(
    'kernel-ignores-channels',
    'kernel-ignores-channels',
    { en: 'Left out the input channels', 'zh-cn': '漏掉了输入通道' },
    {
      en: 'Each filter spans every input channel: a k × k filter on C channels holds k × k × C weights, not k × k.',
      'zh-cn': '每个滤波器都覆盖全部输入通道：C 个通道上的 k × k 滤波器有 k × k × C 个权重，而不是 k × k 个。',
    },
  ),
  m(
    'wrong-input-channels',
    'wrong-input-channels',
    { en: "Used the image's channels for a later layer", 'zh-cn': '把图片的通道数用在了后面的层' },
    {
      en: "A layer's input channels are the channels of the tensor it receives — the previous layer's filters — not the image's.",
      'zh-cn': '一层的输入通道数是它收到的张量的通道数，也就是上一层的滤波器个数，而不是图片的通道数。',
    },
  ),
  m(
    'swapped-channels',
    'wrong-input-channels',
    { en: 'Swapped the input and output sizes', 'zh-cn': '把输入和输出的大小对调了' },
    {
      en: 'The input size comes from the tensor the layer receives; the output size is the argument you give the layer (`filters`, `units`).',
      'zh-cn': '输入大小来自这一层收到的张量；输出大小是你传给这一层的参数（`filters`、`units`）。',
    },
  ),
  m(
    'image-size-and-params',
    'image-size-and-params',
    { en: 'Multiplied by the image size', 'zh-cn': '乘上了图片尺寸' },
    {
      en: "A convolution's weights are shared by every position, so the height and width of its input never enter its count.",
      'zh-cn': '卷积的权重在所有位置共享，所以输入的高和宽不会出现在它的参数量里。',
    },
  ),
  m(
    'dense-flattens',
    'dense-flattens',
    { en: 'Thought Dense flattens its input', 'zh-cn': '以为 Dense 会先展平输入' },
    {
      en: '`Dense` works on the last axis only, with the same weights at every other position; only `Flatten` merges the axes.',
      'zh-cn': '`Dense` 只作用在最后一个轴上，其他位置共用同一组权重；只有 `Flatten` 才会把各轴合并。',
    },
  ),
  m(
    'flatten-size',
    'flatten-size',
    { en: 'Left an axis out of the Flatten size', 'zh-cn': '展平时漏乘了一个轴' },
    {
      en: '`Flatten` multiplies every axis but the batch axis: height × width × channels.',
      'zh-cn': '`Flatten` 会把批量维度以外的所有轴相乘：高 × 宽 × 通道数。',
    },
  ),
  m(
    'batch-norm-trainable-only',
    'batch-norm-split',
    { en: "Counted only BatchNormalization's trainable half", 'zh-cn': '只数了批量归一化的可训练部分' },
    {
      en: 'BatchNormalization keeps four vectors per channel: γ and β are trained, the moving mean and variance are not — but all four are parameters.',
      'zh-cn': '批量归一化每个通道保存四个向量：γ 和 β 参与训练，移动均值和移动方差不参与训练，但四个都是参数。',
    },
  ),
  m(
    'batch-norm-all-trainable',
    'batch-norm-split',
    { en: "Called BatchNormalization's statistics trainable", 'zh-cn': '把批量归一化的统计量算成了可训练参数' },
    {
      en: 'The moving mean and variance are updated by averaging, not by gradients: Keras lists them as non-trainable.',
      'zh-cn': '移动均值和移动方差靠滑动平均更新，而不是靠梯度：Keras 把它们列为不可训练参数。',
    },
  ),
  m(
    'batch-norm-per-pixel',
    'batch-norm-split',
    { en: 'Normalised per pixel instead of per channel', 'zh-cn': '按像素而不是按通道归一化' },
    {
      en: 'BatchNormalization normalises each channel (the last axis by default); the height and width do not enter its count.',
      'zh-cn': '批量归一化对每个通道归一化（默认是最后一个轴）；高和宽不会出现在它的参数量里。',
    },
  ),
  m(
    'lstm-gates',
    'lstm-gates',
    { en: 'Forgot the LSTM has four gates', 'zh-cn': '忘了 LSTM 有四个门' },
    {
      en: 'An LSTM has four gate blocks (input, forget, cell, output), each with its own input weights, recurrent weights and bias.',
      'zh-cn': 'LSTM 有四组门（输入门、遗忘门、候选细胞状态、输出门），每组都有自己的输入权重、循环权重和偏置。',
    },
  ),
  m(
    'recurrent-no-input',
    'lstm-gates',
    { en: "Left out a recurrent layer's input weights", 'zh-cn': '漏掉了循环层的输入权重' },
    {
      en: 'A recurrent layer reads the input features and its own previous state: it has a kernel for the input as well as a recurrent kernel.',
      'zh-cn': '循环层既读入输入特征，也读入自己上一步的状态：除了循环权重，它还有一个作用在输入上的权重。',
    },
  ),
  m(
    'gru-reset-after',
    'gru-reset-after',
    { en: "Missed GRU's second bias (reset_after)", 'zh-cn': '漏掉了 GRU 的第二组偏置（reset_after）' },
    {
      en: "With `reset_after=True` (Keras 3's default) a GRU keeps separate input and recurrent biases: its bias has shape (2, 3 × units).",
      'zh-cn': '在 `reset_after=True`（Keras 3 的默认值）下，GRU 的输入和循环部分各有一组偏置：偏置的形状是 (2, 3 × units)。',
    },
  ),
  m(
    'bidirectional-doubling',
    'bidirectional-doubling',
    { en: 'Doubled the layer after Bidirectional', 'zh-cn': '把 Bidirectional 后面的层也翻了倍' },
    {
      en: 'Only the wrapped recurrent layer is duplicated. The next layer is not: it just receives twice as many features.',
      'zh-cn': '只有被包装的循环层会复制一份。下一层不会翻倍，它只是收到两倍的特征数。',
    },
  ),
  m(
    'bidirectional-single',
    'bidirectional-doubling',
    { en: 'Counted one direction of Bidirectional', 'zh-cn': '只数了 Bidirectional 的一个方向' },
    {
      en: '`Bidirectional` runs two copies of the layer, one forwards and one backwards, each with its own weights, and joins their outputs.',
      'zh-cn': '`Bidirectional` 运行这一层的两个副本，一个正向、一个反向，各有自己的权重，再把两者的输出拼接起来。',
    },
  ),
  m(
    'same-padding-stride',
    'same-padding-stride',
    { en: 'Used the valid rule for same padding', 'zh-cn': '对 same 填充用了 valid 的公式' },
    {
      en: 'With `padding="same"` the output length is ⌈input / stride⌉; the kernel size only decides how much padding is added.',
      'zh-cn': '在 `padding="same"` 下，输出长度是 ⌈输入 / 步幅⌉；卷积核大小只决定补多少填充。',
    },
  ),
  m(
    'valid-as-same',
    'same-padding-stride',
    { en: 'Kept the size as if padding were same', 'zh-cn': '按 same 填充保留了尺寸' },
    {
      en: 'With `padding="valid"` (the default) nothing is added at the edges: a window must fit inside the input, so the output shrinks.',
      'zh-cn': '在 `padding="valid"`（默认值）下，边缘不补任何值：窗口必须完全落在输入里，所以输出会变小。',
    },
  ),
  m(
    'ignored-stride',
    'non-divisible-stride',
    { en: 'Ignored the stride', 'zh-cn': '忽略了步幅' },
    {
      en: 'A stride of s moves the window s positions at a time, so the output is about s times shorter along that axis.',
      'zh-cn': '步幅为 s 时，窗口每次移动 s 个位置，所以该轴上的输出大约缩短为原来的 1/s。',
    },
  ),
  m(
    'ceil-not-floor',
    'non-divisible-stride',
    { en: 'Rounded up instead of down', 'zh-cn': '向上取整而不是向下取整' },
    {
      en: 'Keras rounds down: a last window that does not fit is dropped. ⌊(input − window) / stride⌋ + 1.',
      'zh-cn': 'Keras 向下取整：放不下的最后一个窗口会被丢掉。⌊(输入 − 窗口) / 步幅⌋ + 1。',
    },
  ),
  m(
    'pool-stride-default',
    'pool-stride-default',
    { en: 'Took the pooling stride to be 1', 'zh-cn': '把池化的步幅当成了 1' },
    {
      en: '`strides=None` means a stride equal to `pool_size`, so the pooling windows do not overlap.',
      'zh-cn': '`strides=None` 表示步幅等于 `pool_size`，所以池化窗口互不重叠。',
    },
  ),
  m(
    'dilation-span',
    'dilation-span',
    { en: 'Ignored the dilation', 'zh-cn': '忽略了膨胀率' },
    {
      en: 'A kernel of size k with dilation d spans d × (k − 1) + 1 positions, and that span is what must fit in the input.',
      'zh-cn': '大小为 k、膨胀率为 d 的卷积核覆盖 d × (k − 1) + 1 个位置，输入里必须放得下的是这个跨度。',
    },
  ),
  m(
    'weightless-layers',
    'weightless-layers',
    { en: 'Gave parameters to a layer that has none', 'zh-cn': '给没有参数的层算了参数' },
    {
      en: 'Pooling, Flatten, Dropout, Activation and the merging layers only move or transform values: 0 parameters each.',
      'zh-cn': '池化、Flatten、Dropout、Activation 和各种合并层只搬运或变换数值：各有 0 个参数。',
    },
  ),
  m(
    'batch-axis',
    'batch-axis',
    { en: 'Treated the batch axis as a size', 'zh-cn': '把批量维度当成了一个大小' },
    {
      en: '`None` is the batch axis: every example shares the weights, so no parameter count depends on it, and a shape keeps it as `None`.',
      'zh-cn': '`None` 是批量维度：所有样本共用同一组权重，所以参数量与它无关，形状里它仍写作 `None`。',
    },
  ),
  m(
    'key-dim-per-head',
    'key-dim-per-head',
    { en: 'Took key_dim as the model width', 'zh-cn': '把 key_dim 当成了模型宽度' },
    {
      en: "MultiHeadAttention's `key_dim` is the size of each head; every projection has `num_heads × key_dim` outputs.",
      'zh-cn': 'MultiHeadAttention 的 `key_dim` 是每个头的大小；每个投影都有 `num_heads × key_dim` 个输出。',
    },
  ),
  m(
    'embedding-bias',
    'embedding-bias',
    { en: 'Gave Embedding a bias', 'zh-cn': '给 Embedding 加了偏置' },
    {
      en: 'An embedding is a lookup table of `input_dim × output_dim` numbers, with no bias.',
      'zh-cn': '嵌入层是一张 `input_dim × output_dim` 的查找表，没有偏置。',
    },
  ),
  m(
    'depthwise-as-conv',
    'separable-counted-as-conv',
    { en: 'Counted a depthwise convolution like an ordinary one', 'zh-cn': '把深度卷积当成普通卷积来数' },
    {
      en: 'A depthwise convolution gives each input channel its own k × k filter (times `depth_multiplier`); it does not mix channels.',
      'zh-cn': '深度卷积为每个输入通道配一个自己的 k × k 滤波器（再乘以 `depth_multiplier`）；它不在通道之间混合。',
    },
  ),
  m(
    'separable-as-conv',
    'separable-counted-as-conv',
    { en: 'Counted a separable convolution like an ordinary one', 'zh-cn': '把深度可分离卷积当成普通卷积来数' },
    {
      en: 'A separable convolution is a depthwise step (k × k per channel, no bias) followed by a 1 × 1 pointwise step with the bias.',
      'zh-cn': '深度可分离卷积先做深度卷积（每个通道 k × k，没有偏置），再做带偏置的 1 × 1 逐点卷积。',
    },
  ),
  m(
    'groups-ignored',
    'groups-ignored',
    { en: 'Ignored groups', 'zh-cn': '忽略了分组' },
    {
      en: 'With `groups=g`, each filter sees only input channels / g of the channels, so the kernel is g times smaller.',
      'zh-cn': '设置 `groups=g` 后，每个滤波器只看到（输入通道数 / g）个通道，所以卷积核小 g 倍。',
    },
  ),
  m(
    'shared-layer-twice',
    'shared-layer-twice',
    { en: 'Counted a shared layer twice', 'zh-cn': '把共享的层数了两次' },
    {
      en: 'Calling a layer again reuses its weights: Keras counts them once, however many times the layer is called.',
      'zh-cn': '再次调用同一层会复用它的权重：无论调用多少次，Keras 只数一次。',
    },
  ),
  m(
    'frozen-still-trainable',
    'frozen-base',
    { en: 'Kept a frozen layer trainable', 'zh-cn': '把冻结的层仍算作可训练' },
    {
      en: '`trainable=False` moves every weight of the layer (and of every layer inside it) into Non-trainable.',
      'zh-cn': '`trainable=False` 会把这一层（以及它里面每一层）的所有权重都移到不可训练参数里。',
    },
  ),
  m(
    'layer-norm-statistics',
    'batch-norm-split',
    { en: 'Gave LayerNormalization moving statistics', 'zh-cn': '给层归一化加上了移动统计量' },
    {
      en: 'LayerNormalization computes its mean and variance from each example as it runs, so it keeps no moving mean or variance: only γ and β, two vectors.',
      'zh-cn': '层归一化在运行时从每个样本自身算出均值和方差，所以不保存移动均值和移动方差：只有 γ 和 β 两个向量。',
    },
  ),
  m(
    'layer-norm-per-position',
    'batch-norm-split',
    { en: 'Gave every position its own LayerNormalization weights', 'zh-cn': '给每个位置都算了一组层归一化参数' },
    {
      en: 'LayerNormalization normalises each position over its features, and all positions share the same γ and β: the sequence length does not enter its count.',
      'zh-cn': '层归一化在每个位置上对其特征归一化，所有位置共用同一组 γ 和 β：序列长度不会出现在它的参数量里。',
    },
  ),
  m(
    'placement-and-params',
    'image-size-and-params',
    { en: 'Thought moving the kernel changes its size', 'zh-cn': '以为卷积核的滑动方式会改变参数量' },
    {
      en: "Strides, padding and dilation decide where the kernel is applied, and so the output's height and width; the kernel itself — and the count — stays the same.",
      'zh-cn': '步幅、填充和膨胀率决定卷积核在哪些位置上计算，从而决定输出的高和宽；卷积核本身不变，参数量也不变。',
    },
  ),
  m(
    'scaled-proportionally',
    'lstm-gates',
    { en: 'Scaled the whole count with one argument', 'zh-cn': '把整个参数量按一个参数等比例缩放' },
    {
      en: "Doubling an argument doubles the count only when that argument multiplies every term. Often it does not: the bias stays, a kernel size enters squared, and an LSTM's recurrent weights (units × units) grow faster.",
      'zh-cn':
        '只有当一个参数乘在所有项上时，参数量才与它成正比：偏置、平方的卷积核大小、LSTM 的循环权重（units × units）都不按同样的比例增长。',
    },
  ),
  m(
    'sequence-axis-dropped',
    'embedding-bias',
    { en: 'Dropped the sequence axis', 'zh-cn': '丢掉了序列轴' },
    {
      en: "Embedding looks up one vector for every position of the sequence: the output keeps the sequence axis and adds the vector's size after it.",
      'zh-cn': '嵌入层为序列中的每个位置查出一个向量：输出保留序列轴，并在其后加上向量的维度。',
    },
  ),
  m(
    'embedding-one-hot',
    'embedding-bias',
    { en: 'Gave each token a vocabulary-sized vector', 'zh-cn': '给每个词一个词表大小的向量' },
    {
      en: '`input_dim` is how many rows the table has; each looked-up row has `output_dim` numbers, and that is the last axis of the output.',
      'zh-cn': '`input_dim` 是查找表的行数；查出的每一行有 `output_dim` 个数，这才是输出的最后一个轴。',
    },
  ),
  m(
    'cross-attention-features',
    'key-dim-per-head',
    { en: "Used the query's features for the key and value projections", 'zh-cn': '把查询的特征数用在了键和值的投影上' },
    {
      en: "In cross-attention each projection reads its own tensor: the query projection has the query's features as inputs, the key and value projections the key's and value's.",
      'zh-cn': '在交叉注意力中，每个投影读各自的张量：查询投影的输入是查询的特征，键和值投影的输入是键和值的特征。',
    },
  ),
  m(
    'depth-multiplier-ignored',
    'separable-counted-as-conv',
    { en: 'Ignored depth_multiplier', 'zh-cn': '忽略了 depth_multiplier' },
    {
      en: 'A depthwise convolution makes `depth_multiplier` outputs from every input channel: channels × depth_multiplier output channels.',
      'zh-cn': '深度卷积从每个输入通道得到 `depth_multiplier` 个输出：输出通道数是 通道数 × depth_multiplier。',
    },
  ),
  m(
    'global-pool-as-flatten',
    'flatten-size',
    { en: 'Flattened instead of pooling globally', 'zh-cn': '把全局池化当成了展平' },
    {
      en: 'Global pooling keeps one number per channel — the average or the maximum over the whole map — so only the channels are left.',
      'zh-cn': '全局池化对每个通道只保留一个数（整张特征图上的平均值或最大值），所以只剩下通道这一轴。',
    },
  ),
  m(
    'global-pool-keepdims',
    'flatten-size',
    { en: 'Kept the pooled axes', 'zh-cn': '保留了被池化的轴' },
    {
      en: 'By default (`keepdims=False`) global pooling drops the axes it pools over; only `keepdims=True` keeps them as size 1.',
      'zh-cn': '默认（`keepdims=False`）时全局池化会去掉被池化的轴；只有 `keepdims=True` 才把它们保留为大小 1。',
    },
  ),
  m(
    'kept-input-channels',
    'filters-are-channels',
    { en: 'Kept the input channels', 'zh-cn': '沿用了输入的通道数' },
    {
      en: "A convolution's output has one channel per filter: the last axis is `filters`, whatever the input's channels were.",
      'zh-cn': '卷积的输出每个滤波器对应一个通道：最后一个轴等于 `filters`，与输入的通道数无关。',
    },
  ),
  m(
    'batch-norm-skipped',
    'batch-norm-split',
    { en: 'Left BatchNormalization out', 'zh-cn': '漏算了批量归一化' },
    {
      en: 'BatchNormalization is not a weightless layer like pooling: it keeps four vectors per channel, two of them trainable.',
      'zh-cn': '批量归一化不像池化那样没有参数：它每个通道保存四个向量，其中两个可训练。',
    },
  ),
  m(
    'layer-norm-no-beta',
    'batch-norm-split',
    { en: "Left out LayerNormalization's β", 'zh-cn': '漏掉了层归一化的 β' },
    {
      en: 'LayerNormalization learns two vectors over the normalised axis: γ, a scale, and β, an offset (`center=True` by default).',
      'zh-cn': '层归一化在被归一化的轴上学习两个向量：缩放 γ 和偏移 β（默认 `center=True`）。',
    },
  ),
];

/** The catalogue entry with this id; throws on an unknown id (a template bug, caught by the tests). */
export function mistake(id: string): (typeof mistakes)[number] {
  const found = mistakes.find((x) => x.id === id);
  if (!found) throw new Error(`no mistake "${id}" in src/exercises/mistakes.ts`);
  return found;
}
