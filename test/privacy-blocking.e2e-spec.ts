import { newPerson, TestPerson } from './support/factories.js';
import { networkHelpers } from './support/network-helpers.js';
import { expectFirstOverMaximumRefused, nodesOf, pageOf, walkMyPages } from './support/page-helpers.js';
import { createTestApp, onlyError, TestApp } from './support/test-app.js';

const BLOCK = `mutation Block($personId: ID!) { blockPerson(personId: $personId) }`;
const UNBLOCK = `mutation Unblock($personId: ID!) { unblockPerson(personId: $personId) }`;
const REFER = `mutation Refer($input: ReferSupplierInput!) { referSupplier(input: $input) { id } }`;
const INTRODUCE = `mutation Introduce($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { id } }`;
const BLOCKED_PEOPLE = `query($id: ID!) {
  me { blockedPeople { totalCount edges { node { id } } } }
  person(id: $id) { blockedPeople { totalCount edges { node { id } } } }
}`;
const STEEL = 'metals-steel';

describe('blocking', () => {
  let t: TestApp;
  const net = networkHelpers(() => t);
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const block = (actor: TestPerson, other: { id: string }) => t.gql(BLOCK, { personId: other.id }, actor.token);
  const unblock = (actor: TestPerson, other: { id: string }) => t.gql(UNBLOCK, { personId: other.id }, actor.token);
  /** A connection written straight into the graph, whatever the network lib allows a blocked pair. */
  const connectInGraph = (a: TestPerson, b: TestPerson) =>
    t.neo4j.write(
      'MATCH (a:Person {id: $a}), (b:Person {id: $b}) CREATE (a)-[:CONNECTED_TO {since: datetime()}]->(b)',
      { a: a.id, b: b.id },
    );

  describe('blockPerson and unblockPerson', () => {
    it('rejects blocking oneself and an anonymous caller; an unknown id is answered as a known one', async () => {
      const ada = await newPerson(t);
      expect(onlyError(await block(ada, ada)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'personId' });
      // Someone who blocked Ada looks absent to her; a NOT_FOUND for a truly unknown id would tell them apart.
      expect((await block(ada, { id: 'nobody' })).data).toEqual({ blockPerson: true });
      expect((await unblock(ada, { id: 'nobody' })).data).toEqual({ unblockPerson: true });
      expect(onlyError(await t.gql(BLOCK, { personId: ada.id })).extensions.code).toBe('UNAUTHENTICATED');
      const res = await t.gql(BLOCKED_PEOPLE, { id: ada.id }, ada.token);
      expect(res.data!.me.blockedPeople).toEqual({ totalCount: 0, edges: [] });
    });

    it('removes the connection, withdraws the blocker’s pending request, and may be repeated', async () => {
      const [ada, ben, cleo] = [await newPerson(t), await newPerson(t), await newPerson(t)];
      await net.connect(ada, ben);
      await net.sendRequest(ada, cleo);
      expect((await block(ada, ben)).data).toEqual({ blockPerson: true });
      expect(await net.connectionCount(ada.id, ben.id)).toBe(0);

      expect((await block(ada, cleo)).data).toEqual({ blockPerson: true });
      expect((await block(ada, cleo)).data).toEqual({ blockPerson: true });
      expect((await net.storedRequests(ada.id, cleo.id)).map((r) => r.status)).toEqual(['WITHDRAWN']);

      const res = await t.gql(BLOCKED_PEOPLE, { id: ada.id }, ben.token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.me.blockedPeople).toEqual({ totalCount: 0, edges: [] });
      // Blocking is mutual invisibility: to Ben, Ada is as if absent.
      expect(res.data!.person).toBeNull();
      const other = await t.gql(BLOCKED_PEOPLE, { id: ada.id }, (await newPerson(t)).token);
      expect(other.data!.person.blockedPeople).toBeNull();
      const own = await t.gql(BLOCKED_PEOPLE, { id: ada.id }, ada.token);
      expect(own.data!.me.blockedPeople.totalCount).toBe(2);
      expect(
        nodesOf(own.data!.me.blockedPeople)
          .map((p: any) => p.id)
          .sort(),
      ).toEqual([ben.id, cleo.id].sort());
    });

    it('withdraws a pending request from the blocked person', async () => {
      const [ada, ben] = [await newPerson(t), await newPerson(t)];
      await net.sendRequest(ben, ada);
      await block(ada, ben);
      expect(await net.storedRequests(ada.id, ben.id)).toEqual([
        expect.objectContaining({ fromId: ben.id, status: 'WITHDRAWN' }),
      ]);
      const me = await t.gql(
        `query { me { incomingConnectionRequests { totalCount edges { node { id } } } } }`,
        {},
        ada.token,
      );
      expect(me.data!.me.incomingConnectionRequests).toEqual(pageOf());
    });

    it('pages the block list by name with first and after, totalCount and pageInfo, at most 100 a page', async () => {
      const ada = await newPerson(t);
      const names = ['Quinn', 'Abel', 'Mara', 'Zed', 'Hugo'];
      const byName: { name: string; id: string }[] = [];
      for (const name of names) {
        const other = await newPerson(t, { name });
        expect((await block(ada, other)).data).toEqual({ blockPerson: true });
        byName.push({ name, id: other.id });
      }
      byName.sort((a, b) => a.name.localeCompare(b.name));
      expect(await walkMyPages(t, ada.token, 'blockedPeople', 2)).toEqual(byName.map((p) => p.id));
      await expectFirstOverMaximumRefused(t, ada.token, 'blockedPeople');
    });
  });

  describe('what a blocked person cannot send', () => {
    it('neither side can request a connection until unblocked, and the refusal is an unknown person’s', async () => {
      const [ada, ben] = [await newPerson(t), await newPerson(t)];
      await block(ada, ben);
      for (const [from, to] of [
        [ben, ada],
        [ada, ben],
      ]) {
        const refused = onlyError(await net.requestVia(from, to));
        const unknown = onlyError(await net.requestVia(from, { id: `missing-${to.id}` }));
        expect(refused.extensions).toEqual({ code: 'NOT_FOUND', field: 'personId' });
        expect(refused.message).toBe(unknown.message.replace(`missing-${to.id}`, to.id));
      }
      expect(await net.storedRequests(ada.id, ben.id)).toEqual([]);

      expect((await unblock(ada, ben)).data).toEqual({ unblockPerson: true });
      expect((await unblock(ada, ben)).data).toEqual({ unblockPerson: true });
      const res = await net.requestVia(ben, ada);
      expect(res.errors).toBeUndefined();
      const blockedList = await t.gql(BLOCKED_PEOPLE, { id: ada.id }, ada.token);
      expect(blockedList.data!.me.blockedPeople).toEqual({ totalCount: 0, edges: [] });
    });

    it('cannot refer a supplier either way, even when connected again, refused as an unconnected person is', async () => {
      const [ada, ben, stranger] = [await newPerson(t), await newPerson(t), await newPerson(t)];
      const supplierId = `supplier-${ada.id}`;
      await t.neo4j.write(
        `MATCH (c:Category {id: $category})
         CREATE (:Organization {id: $supplierId, name: 'Steelworks', country: 'DE', roles: ['SUPPLIER']})-[:SUPPLIES]->(c)`,
        { supplierId, category: STEEL },
      );
      await block(ada, ben);
      // Even with a connection in the graph, the block stops referrals, in both directions.
      await connectInGraph(ada, ben);
      const input = (to: TestPerson) => ({ toPersonId: to.id, supplierId, categoryId: STEEL, message: 'Good' });
      const unconnected = onlyError(await t.gql(REFER, { input: input(stranger) }, ben.token));
      expect(unconnected).toMatchObject({
        message: 'You can refer suppliers only to your direct connections.',
        extensions: { code: 'FORBIDDEN' },
      });
      expect(onlyError(await t.gql(REFER, { input: input(ada) }, ben.token))).toEqual(unconnected);
      expect(onlyError(await t.gql(REFER, { input: input(ben) }, ada.token))).toEqual(unconnected);
      const stored = await t.neo4j.read<{ n: number }>(
        'MATCH (p:Person)-[:REFERRED]->(r:Referral) WHERE p.id IN [$a, $b] RETURN count(r) AS n',
        { a: ada.id, b: ben.id },
      );
      expect(stored[0].n).toBe(0);

      await unblock(ada, ben);
      expect((await t.gql(REFER, { input: input(ada) }, ben.token)).errors).toBeUndefined();
      expect((await t.gql(REFER, { input: input(ben) }, ada.token)).errors).toBeUndefined();
    });

    it('leaves referrals between a blocked pair out of both people’s lists while the block lasts', async () => {
      const [ada, ben] = [await newPerson(t), await newPerson(t)];
      const supplierId = `supplier-${ada.id}`;
      await t.neo4j.write(
        `MATCH (c:Category {id: $category})
         CREATE (:Organization {id: $supplierId, name: 'Steelworks', country: 'DE', roles: ['SUPPLIER']})-[:SUPPLIES]->(c)`,
        { supplierId, category: STEEL },
      );
      await connectInGraph(ada, ben);
      const refer = await t.gql(REFER, { input: { toPersonId: ada.id, supplierId, categoryId: STEEL } }, ben.token);
      expect(refer.errors).toBeUndefined();
      const LISTS = `query { me {
        referralsReceived { totalCount edges { node { id } } }
        referralsSent { totalCount edges { node { id } } }
      } }`;
      const listsOf = async (who: TestPerson) => (await t.gql(LISTS, {}, who.token)).data!.me;
      expect((await listsOf(ada)).referralsReceived).toEqual(pageOf({ id: refer.data!.referSupplier.id }));

      await block(ada, ben);
      expect(await listsOf(ada)).toEqual({ referralsReceived: pageOf(), referralsSent: pageOf() });
      expect(await listsOf(ben)).toEqual({ referralsReceived: pageOf(), referralsSent: pageOf() });
      await unblock(ada, ben);
      expect((await listsOf(ben)).referralsSent).toEqual(pageOf({ id: refer.data!.referSupplier.id }));
    });

    it('cannot request an introduction through or to someone blocked either way, refused as a broken link', async () => {
      const [req, mid, target, stranger] = [
        await newPerson(t),
        await newPerson(t),
        await newPerson(t),
        await newPerson(t),
      ];
      await net.connect(req, mid);
      await net.connect(mid, target);
      const input = { path: [mid.id, target.id], message: 'Please introduce me' };
      // The same request when the target is simply not connected to the intermediary.
      const unconnected = onlyError(
        await t.gql(INTRODUCE, { input: { ...input, path: [mid.id, stranger.id] } }, req.token),
      );
      expect(unconnected).toMatchObject({
        message: 'The path is broken between positions 1 and 2.',
        extensions: { code: 'BAD_USER_INPUT', field: 'input.path' },
      });

      for (const [blocker, blocked] of [
        [target, req],
        [req, target],
      ]) {
        await block(blocker, blocked);
        expect(onlyError(await t.gql(INTRODUCE, { input }, req.token))).toEqual(unconnected);
        await unblock(blocker, blocked);
      }

      await block(mid, req);
      await connectInGraph(mid, req);
      expect(onlyError(await t.gql(INTRODUCE, { input }, req.token))).toMatchObject({
        message: 'The path is broken between you and position 1.',
        extensions: { code: 'BAD_USER_INPUT', field: 'input.path' },
      });
      const stored = await t.neo4j.read<{ n: number }>(
        'MATCH (:Person {id: $id})-[:REQUESTED_INTRODUCTION]->(i) RETURN count(i) AS n',
        { id: req.id },
      );
      expect(stored[0].n).toBe(0);

      await unblock(mid, req);
      expect((await t.gql(INTRODUCE, { input }, req.token)).errors).toBeUndefined();
    });
  });
});
