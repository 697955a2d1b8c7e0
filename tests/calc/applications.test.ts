/**
 * The Keras Applications, rebuilt as data, must count exactly what Keras counts. Totals come from
 * /work/shared/keras-reference.md §6 (Keras 3 executed with weights=None, and the exact-integer
 * column of the keras.io applications table); per-layer facts are hand arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { applications } from '../../src/calc/applications/index.ts';
import { summarize, type Row, type Summary } from '../../src/calc/summarize.ts';

/** keras-reference.md §6: Total / Trainable / Non-trainable, and `model.name`. */
const PUBLISHED: Record<string, { name: string; total: number; trainable: number; nonTrainable: number }> = {
  VGG16: { name: 'vgg16', total: 138_357_544, trainable: 138_357_544, nonTrainable: 0 },
  VGG19: { name: 'vgg19', total: 143_667_240, trainable: 143_667_240, nonTrainable: 0 },
  ResNet50: { name: 'resnet50', total: 25_636_712, trainable: 25_583_592, nonTrainable: 53_120 },
  ResNet101: { name: 'resnet101', total: 44_707_176, trainable: 44_601_832, nonTrainable: 105_344 },
  ResNet152: { name: 'resnet152', total: 60_419_944, trainable: 60_268_520, nonTrainable: 151_424 },
  ResNet50V2: { name: 'resnet50v2', total: 25_613_800, trainable: 25_568_360, nonTrainable: 45_440 },
  ResNet101V2: { name: 'resnet101v2', total: 44_675_560, trainable: 44_577_896, nonTrainable: 97_664 },
  ResNet152V2: { name: 'resnet152v2', total: 60_380_648, trainable: 60_236_904, nonTrainable: 143_744 },
  MobileNet: { name: 'mobilenet_1.00_224', total: 4_253_864, trainable: 4_231_976, nonTrainable: 21_888 },
  MobileNetV2: { name: 'mobilenetv2_1.00_224', total: 3_538_984, trainable: 3_504_872, nonTrainable: 34_112 },
  DenseNet121: { name: 'densenet121', total: 8_062_504, trainable: 7_978_856, nonTrainable: 83_648 },
  DenseNet169: { name: 'densenet169', total: 14_307_880, trainable: 14_149_480, nonTrainable: 158_400 },
  DenseNet201: { name: 'densenet201', total: 20_242_984, trainable: 20_013_928, nonTrainable: 229_056 },
};

const summaries = new Map<string, Summary>();
/** Summarise each application once; several tests read the same model. */
function summaryOf(name: string): Summary {
  let s = summaries.get(name);
  if (!s) {
    const build = applications[name];
    if (!build) throw new Error(`no application named ${name}`);
    s = summarize(build());
    summaries.set(name, s);
  }
  return s;
}

function rowOf(model: string, layer: string): Row {
  const s = summaryOf(model);
  expect(s.error).toBeUndefined();
  const row = s.rows.find((r) => r.name === layer);
  if (!row) throw new Error(`${model} has no layer named ${layer}`);
  return row;
}

describe('Keras Applications: totals match Keras exactly', () => {
  it('the catalogue offers every model the table lists', () => {
    expect(Object.keys(applications).sort()).toEqual(Object.keys(PUBLISHED).sort());
  });

  it.each(Object.entries(PUBLISHED))('%s counts Keras\'s total, trainable and non-trainable', (model, want) => {
    const s = summaryOf(model);
    expect(s.error).toBeUndefined();
    expect(s.name).toBe(want.name);
    expect({ total: s.totals.params, trainable: s.totals.trainable, nonTrainable: s.totals.nonTrainable })
      .toEqual({ total: want.total, trainable: want.trainable, nonTrainable: want.nonTrainable });
    expect(s.outputs).toEqual([[null, 1000]]);
  });

  it.each(Object.keys(PUBLISHED))('%s gives every layer a distinct name', (model) => {
    const built = applications[model]!();
    const names = built.kind === 'functional' ? built.layers.map((e) => e.layer.name) : built.layers.map((l) => l.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('VGG16: where the 138 million parameters live', () => {
  it('flattens 7 × 7 × 512 = 25,088 features after block5_pool', () => {
    expect(rowOf('VGG16', 'block5_pool').outputShape).toEqual([null, 7, 7, 512]);
    expect(rowOf('VGG16', 'flatten').outputShape).toEqual([null, 7 * 7 * 512]);
  });

  it('counts 64 × (3 × 3 × 3 + 1) = 1,792 for block1_conv1 and 512 × (3 × 3 × 512 + 1) = 2,359,808 for block5_conv3', () => {
    expect(rowOf('VGG16', 'block1_conv1').params).toBe(64 * (3 * 3 * 3 + 1));
    expect(rowOf('VGG16', 'block5_conv3').params).toBe(512 * (3 * 3 * 512 + 1));
  });

  it('counts 25,088 × 4,096 + 4,096 = 102,764,544 for fc1, three quarters of the model', () => {
    const fc1 = rowOf('VGG16', 'fc1').params;
    expect(fc1).toBe(25088 * 4096 + 4096);
    expect(fc1).toBe(102_764_544);
    expect(fc1 / summaryOf('VGG16').totals.params).toBeGreaterThan(0.74);
  });

  it('counts 4,096 × 4,096 + 4,096 for fc2 and 4,096 × 1,000 + 1,000 for predictions', () => {
    expect(rowOf('VGG16', 'fc2').params).toBe(4096 * 4096 + 4096);
    expect(rowOf('VGG16', 'predictions').params).toBe(4096 * 1000 + 1000);
  });

  it('lists the 23 layers in the order Keras prints them', () => {
    const conv = (block: number, n: number): string[] => Array.from({ length: n }, (_, i) => `block${block}_conv${i + 1}`);
    expect(summaryOf('VGG16').rows.map((r) => r.name)).toEqual([
      'input_layer',
      ...conv(1, 2), 'block1_pool', ...conv(2, 2), 'block2_pool', ...conv(3, 3), 'block3_pool',
      ...conv(4, 3), 'block4_pool', ...conv(5, 3), 'block5_pool',
      'flatten', 'fc1', 'fc2', 'predictions',
    ]);
  });

  it('VGG19 adds one 3 × 3 convolution to each of blocks 3–5: 143,667,240 − 138,357,544 = 256·(9·256+1) + 2·512·(9·512+1)', () => {
    expect(summaryOf('VGG19').totals.params - summaryOf('VGG16').totals.params).toBe(256 * (9 * 256 + 1) + 2 * 512 * (9 * 512 + 1));
  });
});

describe('ResNet50: the stem, the bottlenecks and the shortcut', () => {
  it('pads 224 to 230 and convolves 7 × 7 stride 2 to 112: 64 × (7 × 7 × 3 + 1) = 9,472', () => {
    expect(rowOf('ResNet50', 'conv1_pad').outputShape).toEqual([null, 230, 230, 3]);
    expect(rowOf('ResNet50', 'conv1_conv').outputShape).toEqual([null, 112, 112, 64]);
    expect(rowOf('ResNet50', 'conv1_conv').params).toBe(64 * (7 * 7 * 3 + 1));
  });

  it('keeps 2 × 64 moving statistics of conv1_bn out of training: 4 × 64 = 256, 128 non-trainable', () => {
    const bn = rowOf('ResNet50', 'conv1_bn');
    expect(bn.params).toBe(4 * 64);
    expect(bn.nonTrainable).toBe(2 * 64);
  });

  it('counts the first bottleneck: 64 × (64 + 1), 64 × (3 × 3 × 64 + 1), 256 × (64 + 1), and a 256 × (64 + 1) shortcut', () => {
    expect(rowOf('ResNet50', 'conv2_block1_1_conv').params).toBe(64 * (64 + 1));
    expect(rowOf('ResNet50', 'conv2_block1_2_conv').params).toBe(64 * (3 * 3 * 64 + 1));
    expect(rowOf('ResNet50', 'conv2_block1_3_conv').params).toBe(256 * (64 + 1));
    expect(rowOf('ResNet50', 'conv2_block1_0_conv').params).toBe(256 * (64 + 1));
    expect(rowOf('ResNet50', 'conv2_block1_add').outputShape).toEqual([null, 56, 56, 256]);
  });

  it('ends with 7 × 7 × 2048 features, pooled, and 2,048 × 1,000 + 1,000 = 2,049,000 in predictions', () => {
    expect(rowOf('ResNet50', 'conv5_block3_out').outputShape).toEqual([null, 7, 7, 2048]);
    expect(rowOf('ResNet50', 'avg_pool').outputShape).toEqual([null, 2048]);
    expect(rowOf('ResNet50', 'predictions').params).toBe(2048 * 1000 + 1000);
  });

  it('non-trainable = 2 × every BatchNormalization channel: 2 × (64 + 3·(64+64+256) + 256 + 4·(128+128+512) + 512 + 6·(256+256+1024) + 1024 + 3·(512+512+2048) + 2048)', () => {
    const perStage = (f: number, blocks: number): number => blocks * (f + f + 4 * f) + 4 * f;
    expect(summaryOf('ResNet50').totals.nonTrainable).toBe(2 * (64 + perStage(64, 3) + perStage(128, 4) + perStage(256, 6) + perStage(512, 3)));
  });

  it('lists the first block in the order real tf.keras / Keras summaries print it (shortcut after the 3 × 3)', () => {
    expect(summaryOf('ResNet50').rows.slice(0, 21).map((r) => r.name)).toEqual([
      'input_layer', 'conv1_pad', 'conv1_conv', 'conv1_bn', 'conv1_relu', 'pool1_pad', 'pool1_pool',
      'conv2_block1_1_conv', 'conv2_block1_1_bn', 'conv2_block1_1_relu',
      'conv2_block1_2_conv', 'conv2_block1_2_bn', 'conv2_block1_2_relu',
      'conv2_block1_0_conv', 'conv2_block1_3_conv', 'conv2_block1_0_bn', 'conv2_block1_3_bn',
      'conv2_block1_add', 'conv2_block1_out', 'conv2_block2_1_conv', 'conv2_block2_1_bn',
    ]);
    expect(rowOf('ResNet50', 'conv2_block1_add').connectedTo).toEqual(['conv2_block1_0_bn[0][0]', 'conv2_block1_3_bn[0][0]']);
  });

  it('ResNet50V2 has a bias-free 3 × 3 conv behind an explicit pad: 64 × 3 × 3 × 64 = 36,864', () => {
    expect(rowOf('ResNet50V2', 'conv2_block1_2_pad').outputShape).toEqual([null, 58, 58, 64]);
    expect(rowOf('ResNet50V2', 'conv2_block1_2_conv').params).toBe(64 * 3 * 3 * 64);
    expect(rowOf('ResNet50V2', 'post_bn').params).toBe(4 * 2048);
  });
});

describe('MobileNetV2: depthwise, pointwise, and ReLU6', () => {
  it('starts with a bias-free 3 × 3 × 3 × 32 = 864 convolution to 112 × 112', () => {
    expect(rowOf('MobileNetV2', 'Conv1').params).toBe(3 * 3 * 3 * 32);
    expect(rowOf('MobileNetV2', 'Conv1').outputShape).toEqual([null, 112, 112, 32]);
  });

  it('filters each of 32 channels alone in the first block: 3 × 3 × 32 = 288, then projects 32 × 16 = 512', () => {
    expect(rowOf('MobileNetV2', 'expanded_conv_depthwise').params).toBe(3 * 3 * 32);
    expect(rowOf('MobileNetV2', 'expanded_conv_project').params).toBe(32 * 16);
  });

  it('expands 16 channels six-fold in block 1 (16 × 96 = 1,536) and pads 112 to 113 for the stride-2 depthwise', () => {
    expect(rowOf('MobileNetV2', 'block_1_expand').params).toBe(16 * 6 * 16);
    expect(rowOf('MobileNetV2', 'block_1_pad').outputShape).toEqual([null, 113, 113, 96]);
    expect(rowOf('MobileNetV2', 'block_1_depthwise').outputShape).toEqual([null, 56, 56, 96]);
  });

  it('adds the input back only where size and width are kept: block_2_add exists, block_1_add does not', () => {
    expect(rowOf('MobileNetV2', 'block_2_add').outputShape).toEqual([null, 56, 56, 24]);
    expect(summaryOf('MobileNetV2').rows.some((r) => r.name === 'block_1_add')).toBe(false);
  });

  it('ends with 320 × 1,280 = 409,600 in Conv_1 and 1,280 × 1,000 + 1,000 in predictions', () => {
    expect(rowOf('MobileNetV2', 'Conv_1').params).toBe(320 * 1280);
    expect(rowOf('MobileNetV2', 'predictions').params).toBe(1280 * 1000 + 1000);
  });
});

describe('MobileNet: depthwise-separable blocks and a convolutional classifier', () => {
  it('counts 3 × 3 × 32 = 288 for conv_dw_1 and 32 × 64 = 2,048 for conv_pw_1', () => {
    expect(rowOf('MobileNet', 'conv_dw_1').params).toBe(3 * 3 * 32);
    expect(rowOf('MobileNet', 'conv_pw_1').params).toBe(32 * 64);
  });

  it('classifies with a 1 × 1 Conv2D on a kept-dims pool: 1,024 × 1,000 + 1,000 = 1,025,000', () => {
    expect(rowOf('MobileNet', 'conv_preds').outputShape).toEqual([null, 1, 1, 1000]);
    expect(rowOf('MobileNet', 'conv_preds').params).toBe(1024 * 1000 + 1000);
    expect(rowOf('MobileNet', 'reshape_2').outputShape).toEqual([null, 1000]);
  });
});

describe('DenseNet121: 32 new channels per layer', () => {
  it('grows conv2 from 64 to 64 + 6 × 32 = 256 channels, then halves them: 256 × 128 = 32,768', () => {
    expect(rowOf('DenseNet121', 'conv2_block6_concat').outputShape).toEqual([null, 56, 56, 256]);
    expect(rowOf('DenseNet121', 'pool2_conv').params).toBe(256 * 128);
    expect(rowOf('DenseNet121', 'pool2_pool').outputShape).toEqual([null, 28, 28, 128]);
  });

  it('counts each dense layer as 4 × C + C × 128 + 4 × 128 + 3 × 3 × 128 × 32 (first: C = 64)', () => {
    expect(rowOf('DenseNet121', 'conv2_block1_0_bn').params).toBe(4 * 64);
    expect(rowOf('DenseNet121', 'conv2_block1_1_conv').params).toBe(64 * 128);
    expect(rowOf('DenseNet121', 'conv2_block1_2_conv').params).toBe(3 * 3 * 128 * 32);
  });

  it('ends with 1,024 channels: 1,024 × 1,000 + 1,000 in predictions', () => {
    expect(rowOf('DenseNet121', 'relu').outputShape).toEqual([null, 7, 7, 1024]);
    expect(rowOf('DenseNet121', 'predictions').params).toBe(1024 * 1000 + 1000);
  });
});
