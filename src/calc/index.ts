/** The calculation module's public surface: the one place every number on the site comes from. */
export * from './types.ts';
export * from './model.ts';
export { summarize, resolveLayer, totalsOf, type Row, type Summary, type Totals } from './summarize.ts';
export { evaluate, equationText, formulaText, groupDigits, type Term, type NumTerm, type OpTerm, type TermRole } from './explain.ts';
export { describe as describeDiagnostic } from './problem.ts';
export { shapeText } from './shape.ts';
export { knownTypes } from './registry.ts';
export { Namer, toSnakeCase } from './naming.ts';
export { modelFromKerasJson, parseJsonText, detectDialect } from './import/keras-json.ts';
export { detectAndImport, type Imported, type InputFormat } from './import/detect.ts';
export { renderKeras3, type Keras3SummaryOptions } from './summary-keras3.ts';
export { renderKeras2, type Keras2SummaryOptions } from './summary-keras2.ts';
export { renderJson } from './summary-json.ts';
export { applications } from './applications/index.ts';
