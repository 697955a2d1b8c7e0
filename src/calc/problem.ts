import type { Diagnostic } from './types.ts';

/**
 * Thrown inside a layer spec when the configuration is impossible; the resolver catches it at the
 * spec boundary and turns it into a Diagnostic value. Anything else thrown is a bug.
 */
export class LayerProblem extends Error {
  readonly arg: string | undefined;
  constructor(message: string, arg?: string) {
    super(message);
    this.arg = arg;
  }
}

/** Stop building this layer: `arg` is at fault because `message`. */
export function fail(message: string, arg?: string): never {
  throw new LayerProblem(message, arg);
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
