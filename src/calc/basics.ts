/**
 * Public entry point: the light half of the engine, which an island may load with the page. Its
 * vocabulary (shapes, weights, models, diagnostics), formula terms and their text, shape and size
 * text, and the framework length arithmetic; no layer spec, so no layer code. Summarizing lives in
 * engine.ts, reading files in import.ts, summary text in render.ts. Outside src/calc, import the
 * engine only through these four files (tests/boundaries.test.ts and `npm run lint` check it).
 */
export type {
  Diagnostic,
  DiagnosticLocation,
  Dialect,
  Dim,
  LayerArgs,
  LayerConfig,
  Location,
  OutputShape,
  Result,
  Shape,
  Weight,
  WeightDtype,
} from './types.ts';
export type { DiagnosticCode, DiagnosticValue, DiagnosticValues, ValuesOf } from './diagnostics.ts';
export { diagnostic } from './diagnostics.ts';
export { flopsOf, FLOPS_PER_MAC } from './macs.ts';
export { activationBytes, outputValues } from './activation-memory.ts';
export { describe as describeDiagnostic } from './problem.ts';
export {
  isTensorRef,
  tensor,
  type FunctionalModel,
  type Model,
  type ModelLayer,
  type NodeArg,
  type NodeCall,
  type SequentialModel,
  type TensorRef,
} from './model.ts';
export {
  add,
  equationText,
  evaluate,
  exactValue,
  resultText,
  formulaText,
  mul,
  num,
  type AxisRule,
  type EdgeStep,
  type FactorStep,
  type NumTerm,
  type OpTerm,
  type PlainStep,
  type ShapeStep,
  type StepRule,
  type Term,
  type TermRole,
  type WindowRule,
  type WindowStep,
} from './explain.ts';
export type { CallStyle, LayerExample, LayerFamily } from './registry.ts';
export { groupDigits, isShapeList, outputText, shapeList, shapeText, weightsText, weightText } from './text.ts';
export { isWindowStep, stepArithmetic, windowArithmetic } from './step-text.ts';
export { KERAS2_UNITS, KERAS3_UNITS, readableMemorySize } from './memory-size.ts';
export { Namer, toSnakeCase } from './naming.ts';
export { INPUT_RULE, SIZE_LIMIT, type SizeRule } from './size-limit.ts';
export {
  caffeConvLength,
  caffePoolLength,
  causalLeftPadding,
  kerasConvLength,
  kerasPoolLength,
  MAX_WINDOW_ARGUMENT,
  pytorchConvLength,
  pytorchPoolLength,
  samePadding,
  type LengthProblem,
  type LengthResult,
  type SamePadding,
  type Window,
} from './framework-arithmetic.ts';
