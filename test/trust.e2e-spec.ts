import { expectedNetworkTraders, expectedShortlist, distances } from './support/expected-network.js';
import { newPerson, TestPerson } from './support/factories.js';
import { loadNetwork, Net, randomNetwork } from './support/random-network.js';
import { createTestApp, onlyError, TestApp } from './support/test-app.js';
import { resetDatabases } from './support/test-database-guard.js';

const TRADERS = `query($supplierId: ID!, $maxDegree: Int, $first: Int, $after: String) {
  networkTradersWith(supplierId: $supplierId, maxDegree: $maxDegree, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { degree tradeCount lastTradedOn averageRating person { id } organization { id } path { id } } }
  }
}`;
const SHORTLIST = `query($categoryId: ID!, $maxDegree: Int, $first: Int, $evidence: Int) {
  supplierShortlist(categoryId: $categoryId, maxDegree: $maxDegree, first: $first) {
    score
    supplier { id }
    evidence(first: $evidence) { kind degree contribution person { id } endorsement { id } trade { id } referral { id } }
  }
}`;

describe('network queries against an independent computation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function setUp(seed: number): Promise<{ viewer: TestPerson; net: Net }> {
    await resetDatabases(t.neo4j, t.sql);
    const viewer = await newPerson(t);
    const net = randomNetwork(seed, viewer.id);
    await loadNetwork(t, net);
    return { viewer, net };
  }

  /** Checks that a path starts at the viewer, ends at the person and follows connections. */
  function expectValidPath(net: Net, path: string[], personId: string, degree: number) {
    expect(path[0]).toBe(net.viewerId);
    expect(path[path.length - 1]).toBe(personId);
    expect(path).toHaveLength(degree + 1);
    for (let i = 1; i < path.length; i += 1) {
      const linked = net.edges.some(
        ([a, b]) => (a === path[i - 1] && b === path[i]) || (b === path[i - 1] && a === path[i]),
      );
      expect(linked).toBe(true);
    }
  }

  async function checkTraders(viewer: TestPerson, net: Net) {
    let found = 0;
    for (const supplier of net.orgs.slice(0, 5)) {
      for (const maxDegree of [1, 2, 3]) {
        const expected = expectedNetworkTraders(net, supplier.id, maxDegree);
        const res = await t.gql(TRADERS, { supplierId: supplier.id, maxDegree, first: 100 }, viewer.token);
        expect(res.errors).toBeUndefined();
        const page = res.data!.networkTradersWith;
        expect(page.totalCount).toBe(expected.length);
        found += expected.length;
        const actual = page.edges.map(({ node }: any) => ({
          personId: node.person.id,
          degree: node.degree,
          organizationId: node.organization.id,
          tradeCount: node.tradeCount,
          lastTradedOn: node.lastTradedOn,
          averageRating: node.averageRating,
        }));
        expect(actual.map((a: any) => ({ ...a, averageRating: a.averageRating?.toFixed(9) ?? null }))).toEqual(
          expected.map((e) => ({ ...e, averageRating: e.averageRating?.toFixed(9) ?? null })),
        );
        for (const { node } of page.edges) {
          expectValidPath(
            net,
            node.path.map((p: any) => p.id),
            node.person.id,
            node.degree,
          );
        }
      }
    }
    // The generated networks are rich enough that the comparison is not trivially empty.
    expect(found).toBeGreaterThan(5);
  }

  /**
   * Compares the first suppliers of the shortlist with the independent computation, each listing
   * `evidence` pieces (the default when undefined).
   */
  async function checkShortlist(viewer: TestPerson, net: Net, evidence?: number, first = 50) {
    const kinds = new Set<string>();
    for (const maxDegree of [1, 2, 3]) {
      const res = await t.gql(SHORTLIST, { categoryId: 'metals', maxDegree, first, evidence }, viewer.token);
      expect(res.errors).toBeUndefined();
      const expected = expectedShortlist(net, maxDegree, new Date(), evidence).slice(0, first);
      const actual = res.data!.supplierShortlist;
      expect(actual.map((r: any) => r.supplier.id)).toEqual(expected.map((e) => e.supplierId));
      actual.forEach((recommendation: any, i: number) => {
        expect(recommendation.score).toBeCloseTo(expected[i].score, 6);
        expect(
          recommendation.evidence.map((e: any) => ({
            kind: e.kind,
            id: (e.endorsement ?? e.trade ?? e.referral).id,
            personId: e.person.id,
            degree: e.degree,
          })),
        ).toEqual(expected[i].evidence.map(({ kind, id, personId, degree }) => ({ kind, id, personId, degree })));
        recommendation.evidence.forEach((e: any, j: number) => {
          kinds.add(e.kind);
          expect(e.contribution).toBeCloseTo(expected[i].evidence[j].contribution, 6);
        });
      });
    }
    // The whole shortlist is rich enough to hold every kind; a few suppliers need not be.
    if (first === 50) expect([...kinds].sort()).toEqual(['ENDORSEMENT', 'REFERRAL', 'TRADE']);
  }

  it.each([11, 23, 37, 41])(
    'networkTradersWith, supplierShortlist and connectionPath agree on seed %i',
    async (seed) => {
      const { viewer, net } = await setUp(seed);
      await checkTraders(viewer, net);
      await checkShortlist(viewer, net);
      // Fewer or more pieces of evidence listed; the score still counts all of them. Fewer suppliers
      // with 100 pieces each keep the operation under the cost limit.
      await checkShortlist(viewer, net, 100, 5);
      const one = await t.gql(SHORTLIST, { categoryId: 'metals', maxDegree: 3, first: 50, evidence: 1 }, viewer.token);
      expect(one.errors).toBeUndefined();
      expect(one.data!.supplierShortlist.every((r: any) => r.evidence.length === 1)).toBe(true);
      expect(one.data!.supplierShortlist.map((r: any) => r.score)).toEqual(
        expectedShortlist(net, 3, new Date(), 1).map((e) => expect.closeTo(e.score, 6)),
      );
      // Checked on each recommendation listed (the shortlist is not empty here).
      expect(one.data!.supplierShortlist.length).toBeGreaterThan(0);
      for (const evidence of [0, 101]) {
        const res = await t.gql(SHORTLIST, { categoryId: 'metals', first: 1, evidence }, viewer.token);
        expect(res.data).toBeNull();
        expect(res.errors!.map((error) => error.extensions)).toContainEqual({ code: 'BAD_USER_INPUT', field: 'first' });
      }

      const dist = distances(net);
      for (const personId of net.people.slice(1, 10)) {
        const res = await t.gql(
          `query($id: ID!) { connectionPath(toPersonId: $id, maxDepth: 6) { degree people { id } } }`,
          { id: personId },
          viewer.token,
        );
        expect(res.errors).toBeUndefined();
        const path = res.data!.connectionPath;
        if (!dist.has(personId) || dist.get(personId)! > 6) expect(path).toBeNull();
        else {
          expect(path.degree).toBe(dist.get(personId));
          expectValidPath(
            net,
            path.people.map((p: any) => p.id),
            personId,
            path.degree,
          );
        }
      }
    },
  );

  it('follows removed connections and retracted endorsements', async () => {
    const { viewer, net } = await setUp(53);
    const [removedA, removedB] = net.edges.find(([a, b]) => a === net.viewerId || b === net.viewerId)!;
    await t.neo4j.write('MATCH (:Person {id: $a})-[c:CONNECTED_TO]-(:Person {id: $b}) DELETE c', {
      a: removedA,
      b: removedB,
    });
    net.edges = net.edges.filter(([a, b]) => !(a === removedA && b === removedB));
    const retracted = net.endorsements.slice(0, 10).map((e) => e.id);
    await t.neo4j.write('MATCH (e:Endorsement) WHERE e.id IN $ids DETACH DELETE e', { ids: retracted });
    net.endorsements = net.endorsements.filter((e) => !retracted.includes(e.id));
    await checkTraders(viewer, net);
    await checkShortlist(viewer, net);
  });

  it('validates arguments and names the field at fault', async () => {
    const viewer = await newPerson(t);
    const org = net0(t);
    const cases: [string, Record<string, unknown>, string, string][] = [
      [TRADERS, { supplierId: 'nope' }, 'NOT_FOUND', 'supplierId'],
      [TRADERS, { supplierId: await org, maxDegree: 4 }, 'BAD_USER_INPUT', 'maxDegree'],
      [TRADERS, { supplierId: await org, first: 101 }, 'BAD_USER_INPUT', 'first'],
      [SHORTLIST, { categoryId: 'nope' }, 'NOT_FOUND', 'categoryId'],
      [SHORTLIST, { categoryId: 'metals', maxDegree: 0 }, 'BAD_USER_INPUT', 'maxDegree'],
      [SHORTLIST, { categoryId: 'metals', first: 51 }, 'BAD_USER_INPUT', 'first'],
    ];
    for (const [query, variables, code, field] of cases) {
      expect(onlyError(await t.gql(query, variables, viewer.token)).extensions).toEqual({ code, field });
    }
  });
});

/** The id of some organization in the graph. */
async function net0(t: TestApp): Promise<string> {
  const [row] = await t.neo4j.read<{ id: string }>('MATCH (o:Organization) RETURN o.id AS id LIMIT 1');
  return row.id;
}
