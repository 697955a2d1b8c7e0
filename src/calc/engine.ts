/**
 * Public entry point: summarizing a model and resolving one layer, which loads every layer spec.
 * Pages call it at build time; an island loads it on demand (`import()`), never with the page.
 * Types are free to import from here anywhere (`import type` loads nothing).
 */
export { resolveLayer, summarize, totalsOf, type Row, type SummarizeOptions, type Summary, type Totals } from './summarize.ts';
export { kerasDefaults, knownTypes, layerSpecs, specFor } from './layers/index.ts';
export type { CallStyle, GateId, LayerExample, LayerFamily, LayerSpec } from './registry.ts';
export { applications } from './applications/index.ts';
export { addMacs, computeTotals, FLOPS_PER_MAC } from './macs.ts';
export { argMinimum, argRule, INPUT_RULE, SIZE_LIMIT, type SizeRule } from './field-rules.ts';
export { explainPrinted, type Explained, type ExplainStatus, type Inference, type PrintedLayer } from './printout-explain.ts';
export { summaryFromPrintout, type PrintedModel, type PrintoutSummary } from './printout-summary.ts';
