/** Keras's automatic layer and model names (keras/src/utils/naming.py); per dialect in docs/naming.md. */
import type { Dialect } from './types.ts';

/** `Conv2D` → `conv2d`, `MaxPooling2D` → `max_pooling2d`, `ReLU` → `re_lu`; tf.keras ≤ 2.6 and tfjs used `[a-z0-9]+`. */
export function toSnakeCase(name: string, oldRegex = false): string {
  let s = name.replace(/\W+/g, '');
  s = s.replace(oldRegex ? /(.)([A-Z][a-z0-9]+)/g : /(.)([A-Z][a-z]+)/g, '$1_$2');
  return s.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

/**
 * Hands out names the way a fresh Python session would: the first `dense`, then `dense_1`, …
 * (Keras 3 and tf.keras count from 0; multi-backend Keras from 1).
 */
export class Namer {
  private readonly used = new Map<string, number>();
  constructor(private readonly dialect: Dialect = 'keras3') {}

  /** `keras.backend.clear_session()`: every counter back to the start. */
  reset(): void {
    this.used.clear();
  }

  /** Keras's `uniquify`; a user-chosen name does not move the counter. */
  next(prefix: string): string {
    const n = this.used.get(prefix) ?? 0;
    this.used.set(prefix, n + 1);
    if (this.dialect === 'keras-mb') return `${prefix}_${n + 1}`;
    return n === 0 ? prefix : `${prefix}_${n}`;
  }

  layer(className: string): string {
    if (className === 'InputLayer') return this.input();
    return this.next(toSnakeCase(className));
  }

  input(): string {
    if (this.dialect === 'keras3') return this.next('input_layer');
    const n = (this.used.get('input') ?? 0) + 1;
    this.used.set('input', n);
    return `input_${n}`;
  }

  model(kind: 'sequential' | 'functional'): string {
    if (kind === 'sequential') return this.next('sequential');
    return this.next(this.dialect === 'keras3' ? 'functional' : 'model');
  }
}
