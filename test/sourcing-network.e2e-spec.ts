import { newPerson, TestPerson } from './support/factories.js';
import { nodesOf, shortlistOf } from './support/page-helpers.js';
import { createTestApp, TestApp } from './support/test-app.js';
import { METALS, ok, sourcingHelpers, STEEL } from './support/sourcing-helpers.js';

const SHORTLIST = `query Shortlist($categoryId: ID!, $maxDegree: Int) {
  supplierShortlist(categoryId: $categoryId, maxDegree: $maxDegree) {
    edges { node { score supplier { id } evidence { edges { node { kind degree contribution person { id } referral { id } } } } } }
  }
}`;

describe('sourcing requests for me, and answers in the requester’s shortlist', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const { connect, disconnect, newSupplier, setup, posted, answered, close, forMe } = sourcingHelpers(() => t);

  describe('me.sourcingRequestsForMe', () => {
    it('lists the open requests I can answer, newest first, page by page', async () => {
      const { requester, friend, friendOfFriend } = await setup();
      const second = await newPerson(t, { name: 'Second requester' });
      await connect(second, friend);
      const first = await posted(requester, { description: 'first' });
      const wide = await posted(second, { description: 'wide', maxDegree: 2 });
      const latest = await posted(requester, { description: 'latest' });
      const closed = await posted(second, { description: 'closed' });
      ok(await close(second, closed.id), 'closeSourcingRequest');

      const page1 = await forMe(friend, { first: 2 });
      expect(page1.totalCount).toBe(3);
      expect(page1.edges.map((edge: any) => edge.node.id)).toEqual([latest.id, wide.id]);
      expect(page1.pageInfo.hasNextPage).toBe(true);
      const page2 = await forMe(friend, { first: 2, after: page1.pageInfo.endCursor });
      expect(page2.edges).toEqual([{ node: { id: first.id, requester: { id: requester.id } } }]);
      expect((await forMe(friendOfFriend)).edges.map((edge: any) => edge.node.id)).toEqual([wide.id]);
    });

    it('is null on anyone but the viewer', async () => {
      const { requester, friend } = await setup();
      await posted(requester);
      const res = await t.gql(
        'query P($id: ID!) { person(id: $id) { id sourcingRequestsForMe { totalCount } } }',
        { id: friend.id },
        requester.token,
      );
      expect(ok(res, 'person')).toEqual({ id: friend.id, sourcingRequestsForMe: null });
    });
  });

  describe('answers count as referrals in the requester’s shortlist', () => {
    const SUGGESTED = `query S($id: ID!) { sourcingRequest(id: $id) {
      suggestedSuppliers { totalCount edges { node { score supplier { id } evidence { edges { node { kind person { id } } } } } } }
    } }`;
    const shortlistFor = async (who: TestPerson, categoryId = METALS, maxDegree = 2) =>
      shortlistOf(ok(await t.gql(SHORTLIST, { categoryId, maxDegree }, who.token), 'supplierShortlist'));

    it('adds w(1) × 0.8 × decay for a direct connection’s answer, and nothing for a degree-2 answer', async () => {
      const { requester, friend, friendOfFriend, supplier } = await setup();
      const farSupplier = await newSupplier([STEEL]);
      const request = await posted(requester, { maxDegree: 2 });
      expect(await shortlistFor(requester)).toEqual([]);
      const near = await answered(friend, { requestId: request.id, supplierId: supplier.id });
      await answered(friendOfFriend, { requestId: request.id, supplierId: farSupplier.id });

      const now = Date.now();
      const shortlist = await shortlistFor(requester);
      const ageDays = (now - new Date(near.createdAt).getTime()) / 86400000;
      const expected = 1 * 0.8 * 0.5 ** (Math.max(0, ageDays) / 730);
      expect(shortlist).toEqual([
        {
          score: expect.closeTo(expected, 5),
          supplier: { id: supplier.id },
          evidence: [
            {
              kind: 'REFERRAL',
              degree: 1,
              contribution: expect.closeTo(expected, 5),
              person: { id: friend.id },
              referral: null,
            },
          ],
        },
      ]);
      // Counted whatever maxDegree is asked for; not for a category outside the request's.
      expect((await shortlistFor(requester, METALS, 1)).map((s) => s.supplier.id)).toEqual([supplier.id]);
      expect(await shortlistFor(requester, 'plastics-rubber')).toEqual([]);
      // Only the requester's own shortlist changes.
      expect(await shortlistFor(friendOfFriend)).toEqual([]);
    });

    it('stops counting once the answerer is no longer a direct connection', async () => {
      const { requester, friend, supplier } = await setup();
      const request = await posted(requester);
      await answered(friend, { requestId: request.id, supplierId: supplier.id });
      expect(await shortlistFor(requester)).toHaveLength(1);
      await disconnect(requester, friend);
      expect(await shortlistFor(requester)).toEqual([]);
    });

    it('shows suggestedSuppliers to the requester only', async () => {
      const { requester, friend, supplier } = await setup();
      const request = await posted(requester);
      await answered(friend, { requestId: request.id, supplierId: supplier.id });
      const mine = ok(await t.gql(SUGGESTED, { id: request.id }, requester.token), 'sourcingRequest');
      expect(mine.suggestedSuppliers.totalCount).toBe(1);
      expect(shortlistOf(mine.suggestedSuppliers)).toEqual([
        {
          score: expect.any(Number),
          supplier: { id: supplier.id },
          evidence: [{ kind: 'REFERRAL', person: { id: friend.id } }],
        },
      ]);
      const theirs = ok(await t.gql(SUGGESTED, { id: request.id }, friend.token), 'sourcingRequest');
      expect(theirs.suggestedSuppliers).toEqual({ totalCount: 0, edges: [] });
    });

    it('pages suggestedSuppliers in shortlist order', async () => {
      const { requester, friend, supplier } = await setup();
      const other = await newPerson(t, { name: 'Other friend' });
      await connect(requester, other);
      const second = await newSupplier();
      const request = await posted(requester);
      // Two referrals for the first supplier, one for the second: the first ranks higher.
      await answered(friend, { requestId: request.id, supplierId: supplier.id });
      await answered(other, { requestId: request.id, supplierId: supplier.id });
      await answered(other, { requestId: request.id, supplierId: second.id });
      const PAGE = `query S($id: ID!, $after: String) { sourcingRequest(id: $id) {
        suggestedSuppliers(first: 1, after: $after) { totalCount edges { node { supplier { id } } }
          pageInfo { hasNextPage hasPreviousPage endCursor } } } }`;
      const page = async (after: string | null) =>
        ok(await t.gql(PAGE, { id: request.id, after }, requester.token), 'sourcingRequest').suggestedSuppliers;
      const one = await page(null);
      expect(one).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true, hasPreviousPage: false } });
      expect(nodesOf(one)).toEqual([{ supplier: { id: supplier.id } }]);
      const two = await page(one.pageInfo.endCursor);
      expect(two).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false, hasPreviousPage: true } });
      expect(nodesOf(two)).toEqual([{ supplier: { id: second.id } }]);
    });
  });
});
