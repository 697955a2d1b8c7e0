/**
 * tfjs `model.json` → Model. The layers come from `modelTopology` alone (tfjs-layers' own
 * `{class_name, config, keras_version}` or the Python converter's `{keras_version, model_config}`
 * wrapper); the weights manifest is never read, so counts cannot drift from the architecture.
 */
import type { Model } from '../model.ts';
import { diagnostic, type DiagnosticCode, type ValuesOf } from '../diagnostics.ts';
import type { Result } from '../types.ts';
import { isJsonObject, kindOf, type Json, type JsonObject } from './json-text.ts';
import { detectDialect, modelFromKerasJson } from './keras-json.ts';

/** True when parsed JSON is a tfjs model.json (as opposed to a bare Keras `to_json()`). */
export const isTfjsModelJson = (json: Json): json is JsonObject => isJsonObject(json) && 'modelTopology' in json;

/** Read the Keras topology inside a tfjs model.json. */
export function modelFromTfjs(json: JsonObject): Result<Model> {
  const topology = json['modelTopology'];
  if (!isJsonObject(topology)) {
    return failAt('modelTopology', 'tfjs-topology-not-object', { found: kindOf(topology) });
  }
  if (json['format'] === 'graph-model' || 'node' in topology) {
    return failAt('modelTopology', 'tfjs-graph-model', {});
  }
  // The Python converter nests the Keras JSON under model_config and keeps the version outside it.
  const wrapped = topology['model_config'];
  const inner = isJsonObject(wrapped) ? wrapped : topology;
  const versionHolder = isJsonObject(wrapped) ? topology : inner;
  const dialect = detectDialect({
    ...inner,
    keras_version: versionHolder['keras_version'] ?? null,
    backend: versionHolder['backend'] ?? null,
  });
  const result = modelFromKerasJson(inner, dialect);
  if (result.ok) return result;
  const prefix = isJsonObject(wrapped) ? 'modelTopology.model_config' : 'modelTopology';
  const path = result.error.path ? `${prefix}.${result.error.path}` : prefix;
  return { ok: false, error: { ...result.error, path } };
}

function failAt<C extends DiagnosticCode>(path: string, code: C, values: ValuesOf<C>): Result<never> {
  return { ok: false, error: diagnostic(code, values, { path }) };
}
