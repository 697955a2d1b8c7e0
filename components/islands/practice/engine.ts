/**
 * What the Practice page loads once it is up, not with it: the templates and the engine they ask
 * (src/calc), to choose the next question. The page's own script (dashboard, progress file, the
 * card, which fetches the same engine to make its exercise) stays small.
 */
export { templates } from '@exercises/index.ts';
export { fromLink, generates, nextQuestion } from './choose.ts';
