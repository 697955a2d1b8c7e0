/**
 * Public entry point: a summary as the text Keras 3 or tf.keras prints, or as the CLI's JSON; the
 * Keras 3 Python that builds a model (and prints its summary); and how terminal text is measured
 * and made safe.
 */
export { renderKeras3, type Keras3SummaryOptions } from './summary-keras3.ts';
export { renderKeras2, type Keras2SummaryOptions } from './summary-keras2.ts';
export { renderJson } from './summary-json.ts';
export { CodeUnavailable, pythonCode, summaryCall, type PythonCodeOptions, type SummaryCallOptions } from './python-code.ts';
export { escapeControls } from './control-chars.ts';
export { TextTooLong } from './text-budget.ts';
export { cellLength } from './cell-width.ts';
