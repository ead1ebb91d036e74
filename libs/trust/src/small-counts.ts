/**
 * The small-counts rule of networkTradeSummary, as a pure function so it can be tested exhaustively.
 *
 * For one viewer and supplier the summaries for maxDegree 1, 2 and 3 together publish these
 * quantities: the per-degree counts c1, c2, c3 and the running totals T1 = c1, T2 = c1 + c2 and
 * T3 = c1 + c2 + c3. The rule: a quantity below MIN_REPORTED_COUNT is never shown (null), and of
 * the others we show the largest set in which no sum or difference of shown quantities (each used
 * at most once, added or subtracted) comes to 1 or 2, so no one can work out a group of one or two
 * people by arithmetic, not even by comparing the answers for different maxDegree values. Every
 * maxDegree is answered from the same choice. Among equally large sets, totals (the larger
 * maxDegree first) win over per-degree counts, and smaller degrees over larger ones.
 */

/** Counts below this are never shown. */
export const MIN_REPORTED_COUNT = 3;

/** What the summaries show: `byDegree[d - 1]` for degree d, `totals[m - 1]` for maxDegree m; null = suppressed. */
export interface ShownCounts {
  byDegree: (number | null)[];
  totals: (number | null)[];
}

interface Quantity {
  kind: 'degree' | 'total';
  /** The degree of a per-degree count, or the maxDegree of a total. */
  at: number;
  value: number;
}

/** Whether some sum or difference of the values (each used at most once) is 1 or 2. */
function revealsSmallCount(values: readonly number[]): boolean {
  let reachable = new Set([0]);
  for (const value of values) {
    const next = new Set<number>();
    for (const sum of reachable) for (const step of [-value, 0, value]) next.add(sum + step);
    reachable = next;
  }
  return [...reachable].some((sum) => Math.abs(sum) === 1 || Math.abs(sum) === 2);
}

/** Applies the rule to the true per-degree counts `counts[d - 1]` (degree 1 to counts.length). */
export function suppressSmallCounts(counts: readonly number[]): ShownCounts {
  const totals = counts.map((_, i) => counts.slice(0, i + 1).reduce((sum, c) => sum + c, 0));
  // In order of preference; T1 is c1 itself, so it is not a quantity of its own.
  const quantities: Quantity[] = [
    ...totals
      .map((value, i) => ({ kind: 'total' as const, at: i + 1, value }))
      .slice(1)
      .reverse(),
    ...counts.map((value, i) => ({ kind: 'degree' as const, at: i + 1, value })),
  ].filter((q) => q.value >= MIN_REPORTED_COUNT);

  let best: Quantity[] = [];
  let bestRank = -1;
  for (let mask = 0; mask < 1 << quantities.length; mask += 1) {
    const chosen = quantities.filter((_, i) => mask & (1 << i));
    // More quantities first; then the preferred ones (earlier in the list = higher bit).
    const rank = chosen.length * (1 << quantities.length) + reversedBits(mask, quantities.length);
    if (rank <= bestRank || revealsSmallCount(chosen.map((q) => q.value))) continue;
    best = chosen;
    bestRank = rank;
  }
  const shown = (kind: Quantity['kind'], at: number) => best.find((q) => q.kind === kind && q.at === at)?.value ?? null;
  return {
    byDegree: counts.map((_, i) => shown('degree', i + 1)),
    totals: counts.map((_, i) => (i === 0 ? shown('degree', 1) : shown('total', i + 1))),
  };
}

/** `mask` with its lowest `width` bits in reverse order, so the first quantity weighs most. */
function reversedBits(mask: number, width: number): number {
  let reversed = 0;
  for (let i = 0; i < width; i += 1) if (mask & (1 << i)) reversed |= 1 << (width - 1 - i);
  return reversed;
}
