/**
 * The classic MNIST CNN of the Keras examples (lesson 1's model), written out here so the island
 * tests' hand arithmetic is tied to a model the tests own, not to whatever a lesson shows.
 */
import type { SequentialModel } from '@calc/basics.ts';

export const mnist: SequentialModel = {
  kind: 'sequential',
  input: [null, 28, 28, 1],
  layers: [
    { type: 'Conv2D', args: { filters: 32, kernel_size: 3, activation: 'relu' } },
    { type: 'MaxPooling2D', args: { pool_size: 2 } },
    { type: 'Conv2D', args: { filters: 64, kernel_size: 3, activation: 'relu' } },
    { type: 'MaxPooling2D', args: { pool_size: 2 } },
    { type: 'Conv2D', args: { filters: 64, kernel_size: 3, activation: 'relu' } },
    { type: 'Flatten' },
    { type: 'Dense', args: { units: 64, activation: 'relu' } },
    { type: 'Dense', args: { units: 10 } },
  ],
};
