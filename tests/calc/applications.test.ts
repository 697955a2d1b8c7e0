/**
 * The Keras Applications, rebuilt as data, must count exactly what Keras counts. Totals come from
 * docs/applications.md#parameter-counts (Keras 3 executed with weights=None, and the exact-integer
 * column of the keras.io applications table); per-layer facts are hand arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { applications } from '@calc/applications/index.ts';
import { summarize, type Row, type Summary } from '@calc/summarize.ts';

/** docs/applications.md#parameter-counts: Total / Trainable / Non-trainable, and `model.name`. */
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
  InceptionV3: { name: 'inception_v3', total: 23_851_784, trainable: 23_817_352, nonTrainable: 34_432 },
  InceptionResNetV2: { name: 'inception_resnet_v2', total: 55_873_736, trainable: 55_813_192, nonTrainable: 60_544 },
  Xception: { name: 'xception', total: 22_910_480, trainable: 22_855_952, nonTrainable: 54_528 },
  MobileNetV3Small: { name: 'MobileNetV3Small', total: 2_554_968, trainable: 2_542_856, nonTrainable: 12_112 },
  MobileNetV3Large: { name: 'MobileNetV3Large', total: 5_507_432, trainable: 5_483_032, nonTrainable: 24_400 },
  NASNetMobile: { name: 'nasnet_mobile', total: 5_326_716, trainable: 5_289_978, nonTrainable: 36_738 },
  NASNetLarge: { name: 'nasnet_large', total: 88_949_818, trainable: 88_753_150, nonTrainable: 196_668 },
  EfficientNetB0: { name: 'efficientnetb0', total: 5_330_571, trainable: 5_288_548, nonTrainable: 42_023 },
  EfficientNetB1: { name: 'efficientnetb1', total: 7_856_239, trainable: 7_794_184, nonTrainable: 62_055 },
  EfficientNetB2: { name: 'efficientnetb2', total: 9_177_569, trainable: 9_109_994, nonTrainable: 67_575 },
  EfficientNetB3: { name: 'efficientnetb3', total: 12_320_535, trainable: 12_233_232, nonTrainable: 87_303 },
  EfficientNetB4: { name: 'efficientnetb4', total: 19_466_823, trainable: 19_341_616, nonTrainable: 125_207 },
  EfficientNetB5: { name: 'efficientnetb5', total: 30_562_527, trainable: 30_389_784, nonTrainable: 172_743 },
  EfficientNetB6: { name: 'efficientnetb6', total: 43_265_143, trainable: 43_040_704, nonTrainable: 224_439 },
  EfficientNetB7: { name: 'efficientnetb7', total: 66_658_687, trainable: 66_347_960, nonTrainable: 310_727 },
  ConvNeXtTiny: { name: 'convnext_tiny', total: 28_589_128, trainable: 28_589_128, nonTrainable: 0 },
  ConvNeXtSmall: { name: 'convnext_small', total: 50_223_688, trainable: 50_223_688, nonTrainable: 0 },
  ConvNeXtBase: { name: 'convnext_base', total: 88_591_464, trainable: 88_591_464, nonTrainable: 0 },
  ConvNeXtLarge: { name: 'convnext_large', total: 197_767_336, trainable: 197_767_336, nonTrainable: 0 },
  ConvNeXtXLarge: { name: 'convnext_xlarge', total: 350_196_968, trainable: 350_196_968, nonTrainable: 0 },
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

  it.each(Object.entries(PUBLISHED))("%s counts Keras's total, trainable and non-trainable", (model, want) => {
    const s = summaryOf(model);
    expect(s.error).toBeUndefined();
    expect(s.name).toBe(want.name);
    expect({ total: s.totals.params, trainable: s.totals.trainable, nonTrainable: s.totals.nonTrainable }).toEqual({
      total: want.total,
      trainable: want.trainable,
      nonTrainable: want.nonTrainable,
    });
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
      ...conv(1, 2),
      'block1_pool',
      ...conv(2, 2),
      'block2_pool',
      ...conv(3, 3),
      'block3_pool',
      ...conv(4, 3),
      'block4_pool',
      ...conv(5, 3),
      'block5_pool',
      'flatten',
      'fc1',
      'fc2',
      'predictions',
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
    expect(summaryOf('ResNet50').totals.nonTrainable).toBe(
      2 * (64 + perStage(64, 3) + perStage(128, 4) + perStage(256, 6) + perStage(512, 3)),
    );
  });

  it('lists the first block in the order real tf.keras / Keras summaries print it (shortcut after the 3 × 3)', () => {
    expect(
      summaryOf('ResNet50')
        .rows.slice(0, 21)
        .map((r) => r.name),
    ).toEqual([
      'input_layer',
      'conv1_pad',
      'conv1_conv',
      'conv1_bn',
      'conv1_relu',
      'pool1_pad',
      'pool1_pool',
      'conv2_block1_1_conv',
      'conv2_block1_1_bn',
      'conv2_block1_1_relu',
      'conv2_block1_2_conv',
      'conv2_block1_2_bn',
      'conv2_block1_2_relu',
      'conv2_block1_0_conv',
      'conv2_block1_3_conv',
      'conv2_block1_0_bn',
      'conv2_block1_3_bn',
      'conv2_block1_add',
      'conv2_block1_out',
      'conv2_block2_1_conv',
      'conv2_block2_1_bn',
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

describe('InceptionV3: BatchNormalization without gamma', () => {
  it('counts 3 × 3 × 3 × 32 = 864 for the first (automatically named) conv2d', () => {
    expect(rowOf('InceptionV3', 'conv2d').params).toBe(3 * 3 * 3 * 32);
    expect(rowOf('InceptionV3', 'conv2d').outputShape).toEqual([null, 149, 149, 32]);
  });

  it('gives each scale=False BatchNormalization 3 numbers per channel, 2 of them frozen: 3 × 32 = 96, 64 non-trainable', () => {
    const bn = rowOf('InceptionV3', 'batch_normalization');
    expect(bn.params).toBe(3 * 32);
    expect(bn.nonTrainable).toBe(2 * 32);
  });

  it('names and orders the layers as a real InceptionV3 summary does, branches interleaved by depth', () => {
    // Rows 2–57 of a published tf.keras InceptionV3().summary(); Keras 3 uses the same rule and names.
    const published = `conv2d batch_normalization activation conv2d_1 batch_normalization_1 activation_1 conv2d_2
      batch_normalization_2 activation_2 max_pooling2d conv2d_3 batch_normalization_3 activation_3 conv2d_4
      batch_normalization_4 activation_4 max_pooling2d_1 conv2d_8 batch_normalization_8 activation_8 conv2d_6
      conv2d_9 batch_normalization_6 batch_normalization_9 activation_6 activation_9 average_pooling2d conv2d_5
      conv2d_7 conv2d_10 conv2d_11 batch_normalization_5 batch_normalization_7 batch_normalization_10
      batch_normalization_11 activation_5 activation_7 activation_10 activation_11 mixed0 conv2d_15
      batch_normalization_15 activation_15 conv2d_13 conv2d_16 batch_normalization_13 batch_normalization_16
      activation_13 activation_16 average_pooling2d_1 conv2d_12 conv2d_14 conv2d_17 conv2d_18
      batch_normalization_12 batch_normalization_14 batch_normalization_17`.split(/\s+/);
    expect(
      summaryOf('InceptionV3')
        .rows.slice(1, 1 + published.length)
        .map((r) => r.name),
    ).toEqual(published);
  });

  it('concatenates 64 + 64 + 96 + 32 = 256 channels in mixed0 and ends at 8 × 8 × 2,048', () => {
    expect(rowOf('InceptionV3', 'mixed0').outputShape).toEqual([null, 35, 35, 64 + 64 + 96 + 32]);
    expect(rowOf('InceptionV3', 'mixed10').outputShape).toEqual([null, 8, 8, 320 + 2 * 384 + 2 * 384 + 192]);
    expect(rowOf('InceptionV3', 'predictions').params).toBe(2048 * 1000 + 1000);
  });
});

describe('Xception: separable convolutions', () => {
  it('counts a SeparableConv2D as depthwise 3 × 3 × 64 plus pointwise 64 × 128 = 8,768 (no bias)', () => {
    expect(rowOf('Xception', 'block2_sepconv1').params).toBe(3 * 3 * 64 + 64 * 128);
  });

  it('projects the first shortcut with an unnamed 1 × 1 Conv2D: 64 × 128 = 8,192', () => {
    expect(rowOf('Xception', 'conv2d').params).toBe(64 * 128);
    expect(rowOf('Xception', 'add').outputShape).toEqual([null, 74, 74, 128]);
  });

  it('ends at 10 × 10 × 2,048 and 2,048 × 1,000 + 1,000 in predictions', () => {
    expect(rowOf('Xception', 'block14_sepconv2_act').outputShape).toEqual([null, 10, 10, 2048]);
    expect(rowOf('Xception', 'predictions').params).toBe(2048 * 1000 + 1000);
  });
});

describe('InceptionResNetV2: residual Inception blocks', () => {
  it('projects block35 branches (32 + 32 + 64 = 128 channels) back to 320 with a bias: 128 × 320 + 320 = 41,280', () => {
    expect(rowOf('InceptionResNetV2', 'block35_1_mixed').outputShape).toEqual([null, 35, 35, 32 + 32 + 64]);
    expect(rowOf('InceptionResNetV2', 'block35_1_conv').params).toBe(128 * 320 + 320);
  });

  it('adds input + scale × projection through a weightless CustomScaleLayer', () => {
    const scale = rowOf('InceptionResNetV2', 'custom_scale_layer');
    expect(scale.params).toBe(0);
    expect(scale.outputShape).toEqual([null, 35, 35, 320]);
  });

  it('widens to 384 + 288 + 320 + 1,088 = 2,080 channels in mixed_7a, then conv_7b to 1,536: 2,080 × 1,536', () => {
    expect(rowOf('InceptionResNetV2', 'mixed_7a').outputShape).toEqual([null, 8, 8, 2080]);
    expect(rowOf('InceptionResNetV2', 'conv_7b').params).toBe(2080 * 1536);
  });
});

describe('EfficientNetB0: squeeze-and-excitation and an adaptable Normalization', () => {
  it('keeps a mean and a variance per RGB channel and a count: 3 + 3 + 1 = 7 non-trainable', () => {
    const norm = rowOf('EfficientNetB0', 'normalization');
    expect(norm.params).toBe(3 + 3 + 1);
    expect(norm.nonTrainable).toBe(7);
  });

  it('pads 224 by (0, 1) and convolves 3 × 3 stride 2 to 112: 3 × 3 × 3 × 32 = 864', () => {
    expect(rowOf('EfficientNetB0', 'stem_conv_pad').outputShape).toEqual([null, 225, 225, 3]);
    expect(rowOf('EfficientNetB0', 'stem_conv').outputShape).toEqual([null, 112, 112, 32]);
    expect(rowOf('EfficientNetB0', 'stem_conv').params).toBe(3 * 3 * 3 * 32);
  });

  it('squeezes 32 channels to ⌊32 × 0.25⌋ = 8 and back, with biases: 32 × 8 + 8 and 8 × 32 + 32', () => {
    expect(rowOf('EfficientNetB0', 'block1a_se_reshape').outputShape).toEqual([null, 1, 1, 32]);
    expect(rowOf('EfficientNetB0', 'block1a_se_reduce').params).toBe(32 * 8 + 8);
    expect(rowOf('EfficientNetB0', 'block1a_se_expand').params).toBe(8 * 32 + 32);
    expect(rowOf('EfficientNetB0', 'block1a_se_excite').outputShape).toEqual([null, 112, 112, 32]);
  });

  it('ends with 320 × 1,280 in top_conv and 1,280 × 1,000 + 1,000 in predictions', () => {
    expect(rowOf('EfficientNetB0', 'top_conv').params).toBe(320 * 1280);
    expect(rowOf('EfficientNetB0', 'predictions').params).toBe(1280 * 1000 + 1000);
  });
});

describe('ConvNeXtTiny: nested Sequentials, LayerScale and residual additions', () => {
  it('normalises with fixed ImageNet statistics, which are arguments, not weights: 0 parameters', () => {
    expect(rowOf('ConvNeXtTiny', 'convnext_tiny_prestem_normalization').params).toBe(0);
  });

  it('shows the stem Sequential as one row: 4 × 4 × 3 × 96 + 96 for the conv and 2 × 96 for its LayerNormalization', () => {
    const stem = rowOf('ConvNeXtTiny', 'convnext_tiny_stem');
    expect(stem.outputShape).toEqual([null, 56, 56, 96]);
    expect(stem.params).toBe(4 * 4 * 3 * 96 + 96 + 2 * 96);
  });

  it('counts the 7 × 7 depthwise conv (groups = 96) as 96 × (7 × 7 + 1) = 4,800 and the MLP as 96 × 384 + 384 and 384 × 96 + 96', () => {
    expect(rowOf('ConvNeXtTiny', 'convnext_tiny_stage_0_block_0_depthwise_conv').params).toBe(96 * (7 * 7 + 1));
    expect(rowOf('ConvNeXtTiny', 'convnext_tiny_stage_0_block_0_pointwise_conv_1').params).toBe(96 * 384 + 384);
    expect(rowOf('ConvNeXtTiny', 'convnext_tiny_stage_0_block_0_pointwise_conv_2').params).toBe(384 * 96 + 96);
  });

  it('learns one γ per channel in LayerScale: 96', () => {
    expect(rowOf('ConvNeXtTiny', 'convnext_tiny_stage_0_block_0_layer_scale').params).toBe(96);
  });

  it('lists the residual `inputs + x` of each of the 3 + 3 + 9 + 3 = 18 blocks as an Add operation', () => {
    const adds = summaryOf('ConvNeXtTiny').rows.filter((r) => r.type === 'Add');
    expect(adds.map((r) => r.name)).toEqual(['add', ...Array.from({ length: 17 }, (_, i) => `add_${i + 1}`)]);
  });

  it('ends with 768 channels: 768 × 1,000 + 1,000 in convnext_tiny_head_dense', () => {
    expect(rowOf('ConvNeXtTiny', 'convnext_tiny_head_layernorm').params).toBe(2 * 768);
    expect(rowOf('ConvNeXtTiny', 'convnext_tiny_head_dense').params).toBe(768 * 1000 + 1000);
  });
});

describe('NASNetMobile: cells of separable convolutions', () => {
  it('starts with a valid 3 × 3 stride-2 conv from 224 to 111: 3 × 3 × 3 × 32 = 864', () => {
    expect(rowOf('NASNetMobile', 'stem_conv1').outputShape).toEqual([null, 111, 111, 32]);
    expect(rowOf('NASNetMobile', 'stem_conv1').params).toBe(3 * 3 * 3 * 32);
  });

  it('ends with 1,056 channels (the penultimate filters): 1,056 × 1,000 + 1,000 in predictions', () => {
    expect(rowOf('NASNetMobile', 'normal_concat_12').outputShape).toEqual([null, 7, 7, 1056]);
    expect(rowOf('NASNetMobile', 'predictions').params).toBe(1056 * 1000 + 1000);
  });
});

describe('MobileNetV3Small: any image size', () => {
  it('leaves every spatial size unknown: the input is (None, None, 3)', () => {
    expect(rowOf('MobileNetV3Small', 'conv').outputShape).toEqual([null, null, null, 16]);
  });

  it('squeezes 16 channels to 8 in the first block: 16 × 8 + 8 = 136', () => {
    expect(rowOf('MobileNetV3Small', 'expanded_conv_squeeze_excite_conv').params).toBe(16 * 8 + 8);
  });

  it('classifies with 1 × 1 convolutions: 576 × 1,024 + 1,024 in conv_2 and 1,024 × 1,000 + 1,000 in logits', () => {
    expect(rowOf('MobileNetV3Small', 'conv_1').params).toBe(96 * 576);
    expect(rowOf('MobileNetV3Small', 'conv_2').params).toBe(576 * 1024 + 1024);
    expect(rowOf('MobileNetV3Small', 'logits').params).toBe(1024 * 1000 + 1000);
  });
});
