import { newPerson, TestPerson } from './support/factories.js';
import { policyHelpers } from './support/policy-helpers.js';
import { createTestApp, TestApp } from './support/test-app.js';

const SUMMARY = `query($supplierId: ID!, $maxDegree: Int) {
  networkTradeSummary(supplierId: $supplierId, maxDegree: $maxDegree) { maxDegree total byDegree { degree people } }
}`;

/** Every value a sum of the numbers gives, each added, subtracted or left out. */
const combinations = (numbers: number[]) =>
  numbers.reduce((sums, n) => new Set([...sums].flatMap((s) => [s - n, s, s + n])), new Set([0]));

/** networkTradeSummary never shows, nor lets anyone work out by arithmetic, a count of 1 or 2. */
describe('policy: small counts', () => {
  let t: TestApp;
  const { connect, block, newSupplier, trade } = policyHelpers(() => t);
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** The summaries for maxDegree 1 to 3, and every number they show. */
  const summaries = async (viewer: TestPerson, supplierId: string) => {
    const all = [];
    for (const maxDegree of [1, 2, 3]) {
      const res = await t.gql(SUMMARY, { supplierId, maxDegree }, viewer.token);
      expect(res.errors).toBeUndefined();
      all.push(res.data!.networkTradeSummary);
    }
    const shown = all
      .flatMap((s: any) => [s.total, ...s.byDegree.map((d: any) => d.people)])
      .filter((n): n is number => n !== null);
    return { all, shown: [...new Set(shown)] };
  };
  /** `count` people at `degree` from the viewer who traded with the supplier. */
  const traders = async (viewer: TestPerson, supplierId: string, degree: number, count: number) => {
    const made: TestPerson[] = [];
    for (let i = 0; i < count; i += 1) {
      let previous: { id: string } = viewer;
      for (let d = 1; d <= degree; d += 1) {
        const next = await newPerson(t);
        await connect(previous, next);
        previous = next;
        if (d === degree) {
          await trade(next, supplierId);
          made.push(next);
        }
      }
    }
    return made;
  };

  it.each([[[3, 1, 0]], [[4, 3, 0]], [[3, 0, 2]], [[5, 2, 1]]])(
    'for per-degree counts %j no number shown, nor any sum or difference of them, is 1 or 2',
    async (counts) => {
      const viewer = await newPerson(t);
      const supplierId = await newSupplier();
      for (const [i, count] of counts.entries()) await traders(viewer, supplierId, i + 1, count);
      const { all, shown } = await summaries(viewer, supplierId);
      const small = [...combinations(shown)].filter((v) => Math.abs(v) === 1 || Math.abs(v) === 2);
      expect({ shown, small }).toEqual({ shown, small: [] });
      // What is shown is true.
      const total = (m: number) => counts.slice(0, m).reduce((a, b) => a + b, 0);
      all.forEach((s: any, i: number) => {
        if (s.total !== null) expect(s.total).toBe(total(i + 1));
        s.byDegree.forEach((d: any) => d.people === null || expect(d.people).toBe(counts[d.degree - 1]));
      });
    },
  );

  it('shows every count when none of them can give a small one away', async () => {
    const viewer = await newPerson(t);
    const supplierId = await newSupplier();
    await traders(viewer, supplierId, 1, 3);
    await traders(viewer, supplierId, 2, 3);
    const { all } = await summaries(viewer, supplierId);
    expect(all[1]).toEqual({
      maxDegree: 2,
      total: 6,
      byDegree: [
        { degree: 1, people: 3 },
        { degree: 2, people: 3 },
      ],
    });
    expect(all[2].total).toBe(6);
  });

  it('does not count people blocked either way', async () => {
    const viewer = await newPerson(t);
    const supplierId = await newSupplier();
    const [first, , third] = await traders(viewer, supplierId, 2, 3);
    expect((await summaries(viewer, supplierId)).all[1].byDegree[1].people).toBe(3);
    await block(first, viewer);
    await block(viewer, third);
    // One left at degree 2: fewer than 3, so not shown.
    const { all } = await summaries(viewer, supplierId);
    expect(all[1].byDegree[1].people).toBeNull();
    expect(all[2].total).toBeNull();
  });
});
