/**
 * What the exercise islands fetch on first need, each once per page (a failed fetch is tried again
 * next time): the generator (and with it the engine), and the whole mistakes catalogue for a
 * mistake the page did not carry.
 */
import type * as Catalogue from './catalogue.ts';
import type * as Generator from './generator.ts';

export type { Catalogue, Generator };

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}

export const loadGenerator = once(() => import('./generator.ts'));
export const loadCatalogue = once(() => import('./catalogue.ts'));
