/**
 * VGG16 and VGG19 (keras/src/applications/vgg16.py, vgg19.py): five blocks of 3×3 'same'
 * convolutions, each closed by a 2×2 max pool, then Flatten and three Dense layers. Almost all
 * of the weights sit in `fc1`, which reads the 7 × 7 × 512 = 25,088 flattened features.
 */
import type { FunctionalModel } from '../model.ts';
import { Graph, topOrPooling, type ApplicationOptions } from './graph.ts';

/** How many convolutions each of the five blocks has; the filters are 64, 128, 256, 512, 512. */
const CONVS_PER_BLOCK = { vgg16: [2, 2, 3, 3, 3], vgg19: [2, 2, 4, 4, 4] } as const;
const BLOCK_FILTERS = [64, 128, 256, 512, 512];

function vgg(name: keyof typeof CONVS_PER_BLOCK, o: ApplicationOptions): FunctionalModel {
  const g = new Graph();
  let x = g.input(o.inputShape ?? [224, 224, 3]);
  CONVS_PER_BLOCK[name].forEach((convs, b) => {
    const block = `block${b + 1}`;
    for (let c = 1; c <= convs; c++) {
      x = g.call('Conv2D', { filters: BLOCK_FILTERS[b], kernel_size: [3, 3], activation: 'relu', padding: 'same' }, x, `${block}_conv${c}`);
    }
    x = g.call('MaxPooling2D', { pool_size: [2, 2], strides: [2, 2] }, x, `${block}_pool`);
  });
  x = topOrPooling(
    g,
    x,
    o,
    (features, classes) => {
      let y = g.call('Flatten', {}, features, 'flatten');
      y = g.call('Dense', { units: 4096, activation: 'relu' }, y, 'fc1');
      y = g.call('Dense', { units: 4096, activation: 'relu' }, y, 'fc2');
      return g.call('Dense', { units: classes, activation: 'softmax' }, y, 'predictions');
    },
    false,
  );
  return g.model(name, x);
}

/** `keras.applications.VGG16()`: 13 convolutions and 3 Dense layers. */
export const VGG16 = (o: ApplicationOptions = {}): FunctionalModel => vgg('vgg16', o);

/** `keras.applications.VGG19()`: 16 convolutions and 3 Dense layers. */
export const VGG19 = (o: ApplicationOptions = {}): FunctionalModel => vgg('vgg19', o);
