/**
 * The lessons in teaching order (issue #3): each slug is a lesson module `src/lessons/<slug>.ts` and a
 * page `content/docs/lessons/<slug>.mdx` in every locale. The sidebar, Starlight's previous / next
 * links and the lesson tests all read this one list, so the order is written nowhere else.
 */
export const CURRICULUM = [
  'reading-the-summary',
  'pooling',
  'conv2d',
  'flatten',
  'dense',
  'putting-it-together',
  'output-shapes',
  'batch-normalization',
  'depthwise-separable',
  'more-convolutions',
  'embedding',
  'recurrent',
  'attention',
  'case-studies',
] as const;

export type LessonSlug = (typeof CURRICULUM)[number];
