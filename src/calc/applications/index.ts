/**
 * Keras Applications as data: each entry builds the model `keras.applications.<Name>()` makes
 * with `include_top=True`, its default input size and `weights=None`, with Keras's layer names,
 * so lessons can point at `fc1` or `conv2_block1_1_conv` and the bench can count real networks.
 * The totals Keras reports for each: docs/applications.md.
 */
import type { Model } from '../model.ts';
import type { ApplicationOptions } from './graph.ts';
import { ConvNeXtBase, ConvNeXtLarge, ConvNeXtSmall, ConvNeXtTiny, ConvNeXtXLarge } from './convnext.ts';
import { DenseNet121, DenseNet169, DenseNet201 } from './densenet.ts';
import {
  EfficientNetB0,
  EfficientNetB1,
  EfficientNetB2,
  EfficientNetB3,
  EfficientNetB4,
  EfficientNetB5,
  EfficientNetB6,
  EfficientNetB7,
} from './efficientnet.ts';
import { InceptionResNetV2 } from './inception-resnet-v2.ts';
import { InceptionV3 } from './inception-v3.ts';
import { MobileNet } from './mobilenet.ts';
import { MobileNetV2 } from './mobilenet-v2.ts';
import { MobileNetV3Large, MobileNetV3Small } from './mobilenet-v3.ts';
import { NASNetLarge, NASNetMobile } from './nasnet.ts';
import { ResNet101, ResNet101V2, ResNet152, ResNet152V2, ResNet50, ResNet50V2 } from './resnet.ts';
import { VGG16, VGG19 } from './vgg.ts';
import { Xception } from './xception.ts';

export type { ApplicationOptions } from './graph.ts';

/**
 * The builders that honour `ApplicationOptions` (input size, include_top, pooling, classes); the
 * others are built only as Keras makes them by default. `square`: the builder reads the side while
 * it builds (correct_pad), so it takes square inputs.
 */
export const configurable: ReadonlyMap<string, { square: boolean }> = new Map<string, { square: boolean }>([
  ...['VGG16', 'VGG19', 'ResNet50', 'ResNet101', 'ResNet152', 'ResNet50V2', 'ResNet101V2', 'ResNet152V2', 'MobileNet'].map(
    (n): [string, { square: boolean }] => [n, { square: false }],
  ),
  ...['DenseNet121', 'DenseNet169', 'DenseNet201', 'InceptionV3', 'InceptionResNetV2', 'Xception'].map(
    (n): [string, { square: boolean }] => [n, { square: false }],
  ),
  ...['MobileNetV2', ...[0, 1, 2, 3, 4, 5, 6, 7].map((b) => `EfficientNetB${b}`)].map((n): [string, { square: boolean }] => [
    n,
    { square: true },
  ]),
]);

/** Builders keyed by the names `keras.applications` exports them under. */
export const applications: Record<string, (options?: ApplicationOptions) => Model> = {
  VGG16,
  VGG19,
  ResNet50,
  ResNet101,
  ResNet152,
  ResNet50V2,
  ResNet101V2,
  ResNet152V2,
  MobileNet,
  MobileNetV2,
  MobileNetV3Small,
  MobileNetV3Large,
  DenseNet121,
  DenseNet169,
  DenseNet201,
  InceptionV3,
  InceptionResNetV2,
  Xception,
  NASNetMobile,
  NASNetLarge,
  EfficientNetB0,
  EfficientNetB1,
  EfficientNetB2,
  EfficientNetB3,
  EfficientNetB4,
  EfficientNetB5,
  EfficientNetB6,
  EfficientNetB7,
  ConvNeXtTiny,
  ConvNeXtSmall,
  ConvNeXtBase,
  ConvNeXtLarge,
  ConvNeXtXLarge,
};
