/** The exercise generator (and with it the engine), fetched once per page on first need; a failed fetch is tried again next time. */
import type * as Generator from './generator.ts';

export type { Generator };

let loading: Promise<typeof Generator> | null = null;

export function loadGenerator(): Promise<typeof Generator> {
  loading ??= import('./generator.ts').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
