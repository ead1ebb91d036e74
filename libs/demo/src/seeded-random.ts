/**
 * A small seeded pseudo-random generator (mulberry32) with the helpers the network generator
 * needs. Same seed and label, same sequence, on every platform: no Math.random anywhere.
 */
export class SeededRandom {
  private state: number;

  /** The label gives each part of the generator its own stream, so changing one part leaves the others alone. */
  constructor(seed: number, label = '') {
    this.state = hashSeed(seed, label);
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Cannot pick from an empty list.');
    return items[Math.floor(this.next() * items.length)];
  }

  /** An index into `weights`, each chosen in proportion to its weight. */
  weightedIndex(weights: readonly number[]): number {
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    let target = this.next() * total;
    for (let index = 0; index < weights.length; index += 1) {
      target -= weights[index];
      if (target < 0) return index;
    }
    return weights.length - 1;
  }

  weighted<T>(items: readonly T[], weightOf: (item: T) => number): T {
    return items[this.weightedIndex(items.map(weightOf))];
  }

  /** Up to `count` distinct items, in random order (a partial Fisher-Yates shuffle of a copy). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const take = Math.min(count, copy.length);
    for (let index = 0; index < take; index += 1) {
      const other = index + Math.floor(this.next() * (copy.length - index));
      [copy[index], copy[other]] = [copy[other], copy[index]];
    }
    return copy.slice(0, take);
  }
}

/** Picks indexes in proportion to fixed weights in O(log n) each (prefix sums and a binary search). */
export class WeightedPicker {
  private readonly cumulative: number[] = [];

  constructor(weights: readonly number[]) {
    let total = 0;
    for (const weight of weights) this.cumulative.push((total += weight));
    if (!(total > 0)) throw new Error('WeightedPicker needs a positive total weight.');
  }

  pick(random: SeededRandom): number {
    const target = random.next() * this.cumulative[this.cumulative.length - 1];
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle] > target) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}

/** Mixes the seed and a label into one 32-bit state (FNV-1a over the label, then an integer hash). */
function hashSeed(seed: number, label: string): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (let index = 0; index < label.length; index += 1) {
    hash = Math.imul(hash ^ label.charCodeAt(index), 0x01000193);
  }
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}
