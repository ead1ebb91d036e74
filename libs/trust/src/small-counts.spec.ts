import { MIN_REPORTED_COUNT, suppressSmallCounts } from './small-counts.js';

/** What the summaries for maxDegree 1 to 3 show, built the way networkTradeSummary builds them. */
function summaries(counts: number[]) {
  const shown = suppressSmallCounts(counts);
  return [1, 2, 3].map((maxDegree) => ({
    byDegree: shown.byDegree.slice(0, maxDegree),
    total: shown.totals[maxDegree - 1],
  }));
}

/** Every value of a sum of the numbers, each added, subtracted or left out. */
function combinations(numbers: number[]): Set<number> {
  let sums = new Set([0]);
  for (const n of numbers) sums = new Set([...sums].flatMap((s) => [s - n, s, s + n]));
  return sums;
}

describe('suppressSmallCounts', () => {
  it('shows every count and total when nothing small can be derived', () => {
    expect(summaries([3, 6, 9])).toEqual([
      { byDegree: [3], total: 3 },
      { byDegree: [3, 6], total: 9 },
      { byDegree: [3, 6, 9], total: 18 },
    ]);
    expect(summaries([0, 0, 0])).toEqual([
      { byDegree: [null], total: null },
      { byDegree: [null, null], total: null },
      { byDegree: [null, null, null], total: null },
    ]);
  });

  it('no longer lets the total give away the one hidden count', () => {
    // Formerly: byDegree [3, null] and total 4, so degree 2 had exactly 1 person.
    const [, two] = summaries([3, 1, 0]);
    const shown = [...two.byDegree, two.total].filter((n): n is number => n !== null);
    expect(shown.length).toBeLessThanOrEqual(1);
  });

  it('never shows, nor lets any sum or difference of shown numbers across maxDegree 1 to 3 give, a 1 or 2', () => {
    const bound = 12;
    let shownSomething = 0;
    for (let c1 = 0; c1 <= bound; c1 += 1) {
      for (let c2 = 0; c2 <= bound; c2 += 1) {
        for (let c3 = 0; c3 <= bound; c3 += 1) {
          const all = summaries([c1, c2, c3]);
          const shown = [
            ...new Set(all.flatMap((s) => [...s.byDegree, s.total]).filter((n): n is number => n !== null)),
          ];
          for (const n of shown) expect(n).toBeGreaterThanOrEqual(MIN_REPORTED_COUNT);
          const small = [...combinations(shown)].filter((v) => Math.abs(v) === 1 || Math.abs(v) === 2);
          if (small.length > 0) throw new Error(`[${c1}, ${c2}, ${c3}] shows ${shown.join(', ')}, giving ${small[0]}`);
          // Whatever is shown is true.
          all.forEach((s, i) => {
            s.byDegree.forEach((n, d) => n === null || expect(n).toBe([c1, c2, c3][d]));
            if (s.total !== null) expect(s.total).toBe([c1, c2, c3].slice(0, i + 1).reduce((a, b) => a + b, 0));
          });
          if (shown.length > 0) shownSomething += 1;
        }
      }
    }
    // The rule does not simply hide everything.
    expect(shownSomething).toBeGreaterThan(0.8 * (bound + 1) ** 3);
  });
});
