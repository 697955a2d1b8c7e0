/**
 * A small seeded random source (mulberry32): the same seed gives the same exercise on every machine
 * and in every browser, which is what makes a variant's link (`?ex=<template>.<seed>`) meaningful.
 */
import type { Rng } from './types.ts';

/** Seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffffffff;

export function rng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min) throw new RangeError(`rng.int(${min}, ${max})`);
    return min + Math.floor(next() * (max - min + 1));
  };
  return {
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('rng.pick of an empty list');
      return items[int(0, items.length - 1)]!;
    },
    shuffle: <T>(items: readonly T[]): T[] => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    chance: (p: number): boolean => next() < p,
  };
}

/** A fresh seed for "new numbers" (not for tests: they pass seeds). */
export const randomSeed = (): number => Math.floor(Math.random() * MAX_SEED);
