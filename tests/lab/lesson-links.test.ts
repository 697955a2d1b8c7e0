/**
 * The lab's "the lesson that teaches this" link (components/lab/lesson-links.ts), read off the real
 * lesson modules: the layer types the course teaches by name go to the lesson named after them.
 */
import { describe, expect, it } from 'vitest';
import { specFor } from '@calc/engine.ts';
import { lessonLinks } from '@components/lab/lesson-links.ts';
import { CURRICULUM } from '@lessons/curriculum.ts';
import type { LessonModule } from '@lessons/types.ts';

const modules = import.meta.glob<{ lesson: LessonModule }>('../../src/lessons/*.ts', { eager: true });
const lessons = CURRICULUM.map((slug) => ({ slug, module: modules[`../../src/lessons/${slug}.ts`]!.lesson }));
const links = lessonLinks(lessons, (type) => specFor(type)?.family);

describe('lessonLinks', () => {
  it.each([
    ['Conv2D', 'conv2d'],
    ['MaxPooling2D', 'pooling'],
    ['Flatten', 'flatten'],
    ['Dense', 'dense'],
    ['BatchNormalization', 'batch-normalization'],
    ['DepthwiseConv2D', 'depthwise-separable'],
    ['SeparableConv2D', 'depthwise-separable'],
    ['Conv1D', 'more-convolutions'],
    ['Embedding', 'embedding'],
    ['LSTM', 'recurrent'],
    ['GRU', 'recurrent'],
    ['MultiHeadAttention', 'attention'],
  ])('%s → %s', (type, slug) => {
    expect(links.byType[type]).toBe(slug);
  });

  it('every family the course shows has a lesson', () => {
    for (const family of ['convolution', 'pooling', 'reshaping', 'core', 'normalization', 'recurrent', 'attention']) {
      expect(links.byFamily[family], family).toBeDefined();
    }
  });
});

describe('teaches', () => {
  it('names only layer types the engine knows', () => {
    for (const { slug, module } of lessons)
      for (const type of module.teaches ?? []) expect(specFor(type), `${slug}: ${type}`).toBeDefined();
  });
});
