import {
  allShortestPaths,
  distances,
  edgeLearnable,
  expectedNetworkTraders,
  expectedShortlist,
  fewestHidden,
  mayNameInSearch,
  maySee,
} from './support/expected-network.js';
import { newPerson, TestPerson } from './support/factories.js';
import { PAGE_INFO, shortlistOf } from './support/page-helpers.js';
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
const SHORTLIST = `query($categoryId: ID!, $maxDegree: Int, $first: Int, $after: String, $evidence: Int, $evidenceAfter: String) {
  supplierShortlist(categoryId: $categoryId, maxDegree: $maxDegree, first: $first, after: $after) {
    totalCount
    ${PAGE_INFO}
    edges { cursor node {
      score
      supplier { id }
      evidence(first: $evidence, after: $evidenceAfter) {
        totalCount
        ${PAGE_INFO}
        edges { cursor node {
          kind degree contribution person { id }
          endorsement { id endorser { id } } trade { id recordedBy { id } } referral { id }
        } }
      }
    } }
  }
}`;

/** Small enough that argument validation, not the cost limit, answers a page size over 100. */
const SHORTLIST_ARGS = `query($categoryId: ID!, $maxDegree: Int, $first: Int, $evidence: Int) {
  supplierShortlist(categoryId: $categoryId, maxDegree: $maxDegree, first: $first) {
    totalCount edges { node { evidence(first: $evidence) { totalCount } } }
  }
}`;

describe('network queries against an independent computation', () => {
  let t: TestApp;
  /** Hidden people seen in the checked paths, so that the path rules are known to be exercised. */
  let placeholders = 0;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function setUp(seed: number, withPrivacy = true): Promise<{ viewer: TestPerson; net: Net }> {
    await resetDatabases(t.neo4j, t.sql);
    const viewer = await newPerson(t);
    const net = randomNetwork(seed, viewer.id, withPrivacy);
    await loadNetwork(t, net);
    return { viewer, net };
  }

  /**
   * Checks a path as shown (null = a hidden person): from the viewer to the person along one of the
   * shortest paths, naming only people the viewer may name and showing no connection the viewer may
   * not learn, and hiding no more people than the most visible shortest path needs.
   */
  function expectValidPath(
    net: Net,
    path: (string | null)[],
    personId: string,
    degree: number,
    nameable: (id: string) => boolean,
  ) {
    expect(path[0]).toBe(net.viewerId);
    expect(path[path.length - 1]).toBe(personId);
    expect(path).toHaveLength(degree + 1);
    const shortest = allShortestPaths(net, personId);
    const matching = shortest.filter((real) => real.every((id, i) => path[i] === null || path[i] === id));
    expect([path, matching.length > 0]).toEqual([path, true]);
    path.slice(1, -1).forEach((id) => id === null || expect([id, nameable(id)]).toEqual([id, true]));
    for (let i = 1; i < path.length; i += 1) {
      const [a, b] = [path[i - 1], path[i]];
      if (a !== null && b !== null) expect([a, b, edgeLearnable(net, a, b)]).toEqual([a, b, true]);
    }
    const hidden = path.filter((id) => id === null).length;
    placeholders += hidden;
    expect(hidden).toBe(Math.min(...shortest.map((real) => fewestHidden(net, real, nameable))));
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
            node.path.map((p: any) => p?.id ?? null),
            node.person.id,
            node.degree,
            (id) => mayNameInSearch(net, id),
          );
        }
      }
    }
    // The generated networks are rich enough that the comparison is not trivially empty.
    expect(found).toBeGreaterThan(5);
  }

  /**
   * Walks a connection page by page, checking totalCount and pageInfo on every page; returns all
   * its nodes in order and its totalCount. `page` fetches the page after a cursor.
   */
  async function walkPages(page: (after: string | null) => Promise<any>, pageSize: number) {
    const nodes: any[] = [];
    let after: string | null = null;
    for (;;) {
      const current = await page(after);
      expect(current.edges.length).toBeLessThanOrEqual(pageSize);
      expect(current.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(current.pageInfo.startCursor).toBe(current.edges[0]?.cursor ?? null);
      expect(current.pageInfo.endCursor).toBe(current.edges[current.edges.length - 1]?.cursor ?? null);
      nodes.push(...current.edges.map((edge: any) => edge.node));
      expect(current.pageInfo.hasNextPage).toBe(nodes.length < current.totalCount);
      if (!current.pageInfo.hasNextPage) return { nodes, totalCount: current.totalCount };
      after = current.pageInfo.endCursor;
    }
  }

  const shortlistPage = async (viewer: TestPerson, variables: Record<string, unknown>) => {
    const res = await t.gql(SHORTLIST, { categoryId: 'metals', ...variables }, viewer.token);
    expect(res.errors).toBeUndefined();
    return res.data!.supplierShortlist;
  };

  /**
   * Compares the whole shortlist, walked `pageSize` suppliers a page, with the independent
   * computation, each supplier listing its first `evidence` pieces (the default page when undefined).
   */
  async function checkShortlist(viewer: TestPerson, net: Net, evidence?: number, pageSize = 10) {
    const kinds = new Set<string>();
    for (const maxDegree of [1, 2, 3]) {
      const expected = expectedShortlist(net, maxDegree, new Date(), evidence);
      const walked = await walkPages(
        (after) => shortlistPage(viewer, { maxDegree, first: pageSize, after, evidence }),
        pageSize,
      );
      expect(walked.totalCount).toBe(expected.length);
      walked.nodes.forEach((node: any, i: number) => {
        expect(node.evidence.totalCount).toBe(expected[i].evidenceCount);
        expect(node.evidence.pageInfo.hasNextPage).toBe(expected[i].evidenceCount > (evidence ?? 20));
      });
      const actual = shortlistOf({ edges: walked.nodes.map((node) => ({ node })) });
      expect(actual.map((r: any) => r.supplier.id)).toEqual(expected.map((e) => e.supplierId));
      actual.forEach((recommendation: any, i: number) => {
        expect(recommendation.score).toBeCloseTo(expected[i].score, 6);
        expect(
          recommendation.evidence.map((e: any) => ({
            kind: e.kind,
            id: (e.endorsement ?? e.trade ?? e.referral)?.id ?? null,
            personId: e.person?.id ?? null,
            degree: e.degree,
            nestedPersonId: (e.endorsement?.endorser ?? e.trade?.recordedBy)?.id ?? null,
          })),
        ).toEqual(
          expected[i].evidence.map(({ kind, shownId, personId, degree, nestedPersonId }) => ({
            kind,
            id: shownId,
            personId,
            degree,
            nestedPersonId,
          })),
        );
        recommendation.evidence.forEach((e: any, j: number) => {
          kinds.add(e.kind);
          expect(e.contribution).toBeCloseTo(expected[i].evidence[j].contribution, 6);
        });
      });
    }
    // The whole shortlist is rich enough to hold every kind.
    expect([...kinds].sort()).toEqual(['ENDORSEMENT', 'REFERRAL', 'TRADE']);
  }

  /** Walks the evidence of the top supplier of the degree-3 shortlist two pieces a page. */
  async function checkEvidencePages(viewer: TestPerson, net: Net) {
    const [top] = expectedShortlist(net, 3, new Date(), Infinity);
    const walked = await walkPages(
      async (evidenceAfter) =>
        (await shortlistPage(viewer, { maxDegree: 3, first: 1, evidence: 2, evidenceAfter })).edges[0].node.evidence,
      2,
    );
    expect(walked.totalCount).toBe(top.evidenceCount);
    expect(walked.nodes.map((node) => (node.endorsement ?? node.trade ?? node.referral)?.id ?? null)).toEqual(
      top.evidence.map((e) => e.shownId),
    );
    // Several pages of it, so the cursors are exercised.
    expect(top.evidenceCount).toBeGreaterThan(2);
  }

  it.each([11, 23, 37, 41])(
    'networkTradersWith, supplierShortlist and connectionPath agree on seed %i',
    async (seed) => {
      const { viewer, net } = await setUp(seed);
      placeholders = 0;
      await checkTraders(viewer, net);
      await checkShortlist(viewer, net);
      // Fewer or more pieces of evidence listed; the score still counts all of them. Fewer suppliers
      // a page with 100 pieces each keep the operation under the cost limit.
      await checkShortlist(viewer, net, 100, 3);
      const one = await t.gql(SHORTLIST, { categoryId: 'metals', maxDegree: 3, first: 50, evidence: 1 }, viewer.token);
      expect(one.errors).toBeUndefined();
      const listed = shortlistOf(one.data!.supplierShortlist);
      expect(listed.every((r: any) => r.evidence.length === 1)).toBe(true);
      expect(listed.map((r: any) => r.score)).toEqual(
        expectedShortlist(net, 3, new Date(), 1)
          .slice(0, 50)
          .map((e) => expect.closeTo(e.score, 6)),
      );
      // Checked on each recommendation listed (the shortlist is not empty here).
      expect(listed.length).toBeGreaterThan(0);
      for (const first of [0, 101]) {
        for (const variables of [
          { first, evidence: 1 },
          { first: 1, evidence: first },
        ]) {
          const res = await t.gql(SHORTLIST_ARGS, { categoryId: 'metals', ...variables }, viewer.token);
          expect(res.data).toBeNull();
          expect(res.errors!.map((error) => error.extensions)).toContainEqual({
            code: 'BAD_USER_INPUT',
            field: 'first',
          });
        }
      }
      await checkEvidencePages(viewer, net);

      const dist = distances(net);
      const blocked = net.blocks.flatMap((pair) => pair).filter((id) => !maySee(net, id));
      expect(blocked.length).toBeGreaterThan(0);
      for (const personId of [...new Set([...net.people.slice(1, 12), ...blocked])]) {
        const res = await t.gql(
          `query($id: ID!) { connectionPath(toPersonId: $id, maxDepth: 6) { degree people { id } } }`,
          { id: personId },
          viewer.token,
        );
        // A person blocked either way is answered like an unknown id.
        if (!maySee(net, personId)) {
          expect(onlyError(res).extensions).toEqual({ code: 'NOT_FOUND', field: 'toPersonId' });
          continue;
        }
        expect(res.errors).toBeUndefined();
        const path = res.data!.connectionPath;
        if (!dist.has(personId) || dist.get(personId)! > 6) expect(path).toBeNull();
        else {
          expect(path.degree).toBe(dist.get(personId));
          expectValidPath(
            net,
            path.people.map((p: any) => p?.id ?? null),
            personId,
            path.degree,
            (id) => maySee(net, id),
          );
        }
      }
      // Each seed's network hides someone on some path, so the path rules are exercised.
      expect(placeholders).toBeGreaterThan(0);
    },
  );

  it('follows removed connections and retracted endorsements', async () => {
    // Privacy settings and blocks are covered by the seeds above; here the changes alone.
    const { viewer, net } = await setUp(53, false);
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
      [SHORTLIST_ARGS, { categoryId: 'metals', first: 101, evidence: 1 }, 'BAD_USER_INPUT', 'first'],
      [SHORTLIST, { categoryId: 'metals', after: 'not a cursor' }, 'BAD_USER_INPUT', 'after'],
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
