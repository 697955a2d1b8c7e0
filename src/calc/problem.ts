import type { DiagnosticCode, DiagnosticValues, ValuesOf } from './diagnostics.ts';
import type { Diagnostic } from './types.ts';

/**
 * Thrown inside a layer spec when the configuration is impossible; the resolver catches it at the
 * spec boundary and turns it into a Diagnostic value. Anything else thrown is a bug. It carries the
 * code and values only: the English sentence is written when the problem is located (`diagnostic`
 * in diagnostics.ts), so the arithmetic the islands share does not ship the English catalogue.
 */
export class LayerProblem extends Error {
  readonly arg: string | undefined;
  constructor(
    readonly code: DiagnosticCode,
    readonly values: DiagnosticValues,
    arg?: string,
  ) {
    super(code);
    this.arg = arg;
  }
}

/** Stop building this layer: `arg` is at fault, as `code` with `values` says. */
export function fail<C extends DiagnosticCode>(code: C, values: ValuesOf<C>, arg?: string): never {
  throw new LayerProblem(code, values, arg);
}

/** One line a person can read: `conv2d_1 (Conv2D), kernel_size: 5×5 kernel …`. */
export function describe(d: Diagnostic): string {
  const where: string[] = [];
  if (d.line !== undefined) where.push(`line ${d.line}${d.column !== undefined ? `:${d.column}` : ''}`);
  if (d.path !== undefined && d.line === undefined) where.push(d.path);
  if (d.layer !== undefined) where.push(d.layerType ? `${d.layer} (${d.layerType})` : d.layer);
  else if (d.layerType !== undefined) where.push(d.layerType);
  if (d.arg !== undefined) where.push(d.arg);
  return where.length ? `${where.join(', ')}: ${d.message}` : d.message;
}
