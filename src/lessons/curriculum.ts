/**
 * The lessons in teaching order (issue #3): each slug is a lesson module `src/lessons/<slug>.ts` and a
 * page `content/docs/lessons/<slug>.mdx` in every locale. The sidebar, Starlight's previous / next
 * links and the lesson tests all read this one list, so the order is written nowhere else.
 *
 * No lesson uses a rule a later one teaches (issue #7): the summary is read first; output shapes come
 * next (the Output Shape column, and the valid / same / floor rules every later layer relies on);
 * then Conv2D's count, pooling (no parameters, the same floor rule with pool_size as the window),
 * Flatten, Dense and the whole MNIST model. Prose never types a lesson's number: it writes
 * <LessonRef to="slug" />, which reads this list.
 */
export const CURRICULUM = [
  'reading-the-summary',
  'output-shapes',
  'conv2d',
  'pooling',
  'flatten',
  'dense',
  'putting-it-together',
  'batch-normalization',
  'depthwise-separable',
  'more-convolutions',
  'embedding',
  'recurrent',
  'attention',
  'case-studies',
] as const;

export type LessonSlug = (typeof CURRICULUM)[number];
