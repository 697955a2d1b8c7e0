/**
 * An exercise as a page carries it from the build to the browser: plain JSON. Everything is data
 * except a predict slider's `at`, which asks the engine; the island asks it again after loading the
 * engine (a dynamic import of index.ts), so the page itself never loads a layer spec.
 */
import type { Exercise, Response, Slider } from './types.ts';

/** A slider without its engine function. */
export type SliderData = Omit<Slider, 'at'>;

/** A response as JSON. */
export type ResponseData =
  | Exclude<Response, { kind: 'predict' }>
  | { kind: 'predict'; blank: Extract<Response, { kind: 'predict' }>['blank']; slider: SliderData };

/** An exercise as JSON. */
export type ExerciseData = Omit<Exercise, 'response'> & { response: ResponseData };

/** The exercise without functions, ready to be a component's prop. */
export function toData(exercise: Exercise): ExerciseData {
  if (exercise.response.kind !== 'predict') return exercise as ExerciseData;
  const { at: _at, ...slider } = exercise.response.slider;
  return { ...exercise, response: { kind: 'predict', blank: exercise.response.blank, slider } };
}
