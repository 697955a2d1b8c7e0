/**
 * The exercise engine (issue #10): templates that turn a seed into a question whose every number
 * comes from src/calc, the misconception catalogue their wrong answers point to, and the reading
 * and diagnosis of what a reader answers. Pure TypeScript, no DOM.
 */
import { conv2dParams } from './templates/conv2d-params.ts';
import { orderBySize } from './templates/order.ts';
import { mhaCrossParams, mhaParams } from './templates/params-attention.ts';
import { conv1dParams, conv2dGroupsParams, conv2dLaterLayer, conv2dTransposeParams, conv3dParams } from './templates/params-conv.ts';
import { denseAfterFlatten, denseParams, denseSequenceParams } from './templates/params-dense.ts';
import { depthwiseParams, separableParams } from './templates/params-depthwise.ts';
import { embeddingParams, embeddingVocabulary } from './templates/params-embedding.ts';
import { batchnormParams, layernormParams } from './templates/params-normalization.ts';
import { bidirectionalNextLayer, bidirectionalParams, gruParams, lstmParams, simplernnParams } from './templates/params-recurrent.ts';
import { findFilters, findUnits, largestLayer, modelTotal, sharedLayerTotal } from './templates/models.ts';
import { summaryBytes, summaryCells, summaryMissingRow, summaryTotals } from './templates/models-summary.ts';
import { predictConv2d, predictDense, predictLstm } from './templates/predict.ts';
import {
  conv1dShape,
  conv2dTransposeShape,
  convDilationShape,
  convSameShape,
  convValidShape,
  flattenShape,
  poolFlattenShape,
  poolShape,
  poolStridesShape,
} from './templates/shapes.ts';
import { depthwiseShape, embeddingShape, globalPoolShape } from './templates/shapes-more.ts';
import { spotWrongRow, spotWrongRowNorm } from './templates/spot-row.ts';
import { batchnormSplit, frozenSplit } from './templates/trainable.ts';
import { whichChangeConv2d, whichChangeDense, whichChangePooling } from './templates/which-change.ts';
import type { Template } from './types.ts';

export { mistakes, mistake } from './mistakes.ts';
export { generate, diagnoseBlank, diagnoseChoice, diagnoseOrder, parseVariantId, variantId, type BlankDiagnosis } from './generate.ts';
export type * from './types.ts';

/** Every template, in no particular order; ids are unique (tests/exercises checks). */
export const templates: readonly Template[] = [
  conv2dParams,
  denseParams,
  denseSequenceParams,
  denseAfterFlatten,
  conv2dGroupsParams,
  conv2dLaterLayer,
  conv1dParams,
  conv3dParams,
  conv2dTransposeParams,
  depthwiseParams,
  separableParams,
  batchnormParams,
  layernormParams,
  embeddingParams,
  simplernnParams,
  lstmParams,
  gruParams,
  bidirectionalParams,
  bidirectionalNextLayer,
  mhaParams,
  batchnormSplit,
  frozenSplit,
  whichChangeConv2d,
  whichChangeDense,
  whichChangePooling,
  predictConv2d,
  predictDense,
  predictLstm,
  orderBySize,
  spotWrongRow,
  spotWrongRowNorm,
  convValidShape,
  convSameShape,
  convDilationShape,
  poolShape,
  poolStridesShape,
  flattenShape,
  poolFlattenShape,
  conv1dShape,
  conv2dTransposeShape,
  embeddingShape,
  depthwiseShape,
  globalPoolShape,
  mhaCrossParams,
  embeddingVocabulary,
  modelTotal,
  sharedLayerTotal,
  summaryCells,
  summaryTotals,
  summaryMissingRow,
  summaryBytes,
  largestLayer,
  findUnits,
  findFilters,
];

/** The template with this id, or undefined. */
export const templateById = (id: string): Template | undefined => templates.find((t) => t.id === id);
