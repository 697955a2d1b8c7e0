/**
 * The one list of layer families, and the registry built from it: every Keras class name Param
 * Lab knows, mapped to its spec. Nothing registers itself on import; a family is known because it
 * is listed here.
 */
import type { LayerSpec } from '../registry.ts';
import type { Dialect, LayerArgs } from '../types.ts';
import { activationLayers } from './activations.ts';
import { applicationLayers } from './applications.ts';
import { attentionLayers } from './attention.ts';
import { convolutionLayers } from './convolution.ts';
import { coreLayers } from './core.ts';
import { einsumLayers } from './einsum.ts';
import { mergingLayers } from './merging.ts';
import { normalizationLayers } from './normalization.ts';
import { poolingLayers } from './pooling.ts';
import { preprocessingLayers } from './preprocessing.ts';
import { recurrentLayers } from './recurrent.ts';
import { regularizationLayers } from './regularization.ts';
import { reshapingLayers } from './reshaping.ts';

/** The family tables, one per file in this folder. */
export const layerFamilies: readonly Readonly<Record<string, LayerSpec>>[] = [
  coreLayers,
  einsumLayers,
  convolutionLayers,
  poolingLayers,
  reshapingLayers,
  normalizationLayers,
  preprocessingLayers,
  regularizationLayers,
  activationLayers,
  recurrentLayers,
  attentionLayers,
  mergingLayers,
  applicationLayers,
];

/** Keras class name → spec. A Map: type names come from files, and `constructor` must not find Object's. */
export const layerSpecs: ReadonlyMap<string, LayerSpec> = new Map(layerFamilies.flatMap((family) => Object.entries(family)));

export const specFor = (type: string): LayerSpec | undefined => layerSpecs.get(type);
export const knownTypes = (): string[] => [...layerSpecs.keys()].sort();

/**
 * Keras's defaults for the arguments a layer type's spec reads, as that dialect's Keras fills them
 * in; undefined for a type Param Lab does not know. What an editor shows for an argument the
 * reader has not set comes from here, never from a copy.
 */
export function kerasDefaults(type: string, dialect: Dialect = 'keras3'): LayerArgs | undefined {
  const spec = layerSpecs.get(type);
  if (!spec) return undefined;
  return { ...(typeof spec.defaults === 'function' ? spec.defaults(dialect) : spec.defaults) };
}
