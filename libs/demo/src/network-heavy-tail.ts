import type { NetworkShape } from './network-types.js';
import { SeededRandom, WeightedPicker } from './seeded-random.js';

/**
 * The heavy-tailed shape of large generated networks (the default from HEAVY_TAILED_FROM people):
 * professional networks have a few people with thousands of connections, a few organizations with
 * thousands of members and a few suppliers most buyers know. The numbers below set those tails.
 */
export const HEAVY_TAILED_FROM = 10_000;

export function defaultShape(people: number): NetworkShape {
  return people >= HEAVY_TAILED_FROM ? 'heavy-tailed' : 'classic';
}

/** Target degrees follow a Pareto law: P(degree > x) = (MIN / x)^ALPHA, capped. Mean about 22. */
export const DEGREE_PARETO = { min: 9, alpha: 1.65, cap: 5_000 } as const;
/** Organization sizes and supplier popularity: weight of the organization of rank r is 1 / r^exponent. */
export const ORGANIZATION_ZIPF = 0.9;
export const SUPPLIER_ZIPF = 0.85;

/** A person's target degree, at most the cap and at most a tenth of the people. */
export function targetDegree(random: SeededRandom, people: number): number {
  const cap = Math.max(DEGREE_PARETO.min, Math.min(DEGREE_PARETO.cap, Math.floor(people / 10)));
  const draw = DEGREE_PARETO.min / Math.pow(1 - random.next(), 1 / DEGREE_PARETO.alpha);
  return Math.min(cap, Math.floor(draw));
}

/** Zipf weights for `count` items in a seeded random order of ranks (so rank is independent of index). */
export function zipfWeights(random: SeededRandom, count: number, exponent: number): number[] {
  const ranks = Array.from({ length: count }, (_, index) => index);
  for (let index = count - 1; index > 0; index -= 1) {
    const other = Math.floor(random.next() * (index + 1));
    [ranks[index], ranks[other]] = [ranks[other], ranks[index]];
  }
  return ranks.map((rank) => 1 / Math.pow(rank + 1, exponent));
}

/** Where a person's next connection comes from, in heavy-tailed networks. */
export interface HeavyTailedSources {
  /** Current colleagues of the person (may be empty). */
  colleagues: (person: number) => readonly number[];
  /** Former colleagues (may be empty). */
  formerColleagues: (person: number) => readonly number[];
  /** A peer of the same industry, drawn in proportion to target degree. */
  peer: (person: number) => number;
  /** Anyone, drawn in proportion to target degree. */
  anyone: () => number;
}

/**
 * Clustered, heavy-tailed connections: each person starts about half their target degree in
 * connections (colleagues 40%, former colleagues 10%, same-industry peers 30%, anyone 20%); peers and
 * strangers are drawn in proportion to their own target, so hubs also receive about their share.
 * `connect` returns false for a pair that already exists; a few extra draws make up for those.
 */
export function addHeavyTailedConnections(
  random: SeededRandom,
  targets: readonly number[],
  sources: HeavyTailedSources,
  connect: (a: number, b: number) => boolean,
): void {
  for (let person = 0; person < targets.length; person += 1) {
    const wanted = Math.ceil(targets[person] / 2);
    let made = 0;
    for (let draws = 0; made < wanted && draws < wanted * 3; draws += 1) {
      const roll = random.next();
      let other = -1;
      if (roll < 0.4) {
        const colleagues = sources.colleagues(person);
        if (colleagues.length > 1) other = random.pick(colleagues);
      } else if (roll < 0.5) {
        const former = sources.formerColleagues(person);
        if (former.length > 0) other = random.pick(former);
      } else if (roll < 0.8) {
        other = sources.peer(person);
      }
      if (other === -1) other = sources.anyone();
      if (other !== person && connect(person, other)) made += 1;
    }
  }
}

/** A picker over `people` (indexes) weighted by their target degree. */
export function degreePicker(people: readonly number[], targets: readonly number[]): (r: SeededRandom) => number {
  const picker = new WeightedPicker(people.map((person) => targets[person]));
  return (r: SeededRandom) => people[picker.pick(r)];
}
