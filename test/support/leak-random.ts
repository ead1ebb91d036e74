/** The seeded randomness of the policy-leaks network: the mulberry32 generator of random-network.ts. */
import { mulberry32 } from './random-network.js';

export interface Rng {
  next(): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  sample<T>(items: readonly T[], count: number): T[];
}

/** A seeded generator with the few helpers the builder needs; a label gives each part its own stream. */
export function rng(seed: number, label: string): Rng {
  let mixed = seed;
  for (const char of label) mixed = (Math.imul(mixed, 31) + char.charCodeAt(0)) >>> 0;
  const next = mulberry32(mixed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('Cannot pick from an empty list.');
    return items[Math.floor(next() * items.length)];
  };
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, count);
  };
  return { next, int, chance: (p) => next() < p, pick, sample };
}
