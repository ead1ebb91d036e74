import { newPerson, TestPerson } from './support/factories.js';
import { networkHelpers } from './support/network-helpers.js';
import { createTestApp, onlyError, TestApp } from './support/test-app.js';

const BLOCK = `mutation Block($personId: ID!) { blockPerson(personId: $personId) }`;
const UNBLOCK = `mutation Unblock($personId: ID!) { unblockPerson(personId: $personId) }`;
const REFER = `mutation Refer($input: ReferSupplierInput!) { referSupplier(input: $input) { id } }`;
const INTRODUCE = `mutation Introduce($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { id } }`;
const BLOCKED_PEOPLE = `query($id: ID!) { me { blockedPeople { id } } person(id: $id) { blockedPeople { id } } }`;
const GENERIC = 'You cannot send this to that person.';
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

  const connectInGraph = (a: TestPerson, b: TestPerson) =>
    t.neo4j.write(
      'MATCH (a:Person {id: $a}), (b:Person {id: $b}) CREATE (a)-[:CONNECTED_TO {since: datetime()}]->(b)',
      { a: a.id, b: b.id },
    );
  const block = (actor: TestPerson, other: { id: string }) => t.gql(BLOCK, { personId: other.id }, actor.token);
  const unblock = (actor: TestPerson, other: { id: string }) => t.gql(UNBLOCK, { personId: other.id }, actor.token);
  const expectGenericForbidden = (res: Parameters<typeof onlyError>[0]) => {
    const error = onlyError(res);
    expect(error.extensions.code).toBe('FORBIDDEN');
    expect(error.message).toBe(GENERIC);
  };

  describe('blockPerson and unblockPerson', () => {
    it('rejects blocking oneself, an unknown person and an anonymous caller', async () => {
      const ada = await newPerson(t);
      expect(onlyError(await block(ada, ada)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'personId' });
      expect(onlyError(await block(ada, { id: 'nobody' })).extensions).toMatchObject({
        code: 'NOT_FOUND',
        field: 'personId',
      });
      expect(onlyError(await unblock(ada, { id: 'nobody' })).extensions.code).toBe('NOT_FOUND');
      expect(onlyError(await t.gql(BLOCK, { personId: ada.id })).extensions.code).toBe('UNAUTHENTICATED');
      const res = await t.gql(BLOCKED_PEOPLE, { id: ada.id }, ada.token);
      expect(res.data!.me.blockedPeople).toEqual([]);
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
      expect(res.data!.me.blockedPeople).toEqual([]);
      // Blocking is mutual invisibility: to Ben, Ada is as if absent.
      expect(res.data!.person).toBeNull();
      const other = await t.gql(BLOCKED_PEOPLE, { id: ada.id }, (await newPerson(t)).token);
      expect(other.data!.person.blockedPeople).toBeNull();
      const own = await t.gql(BLOCKED_PEOPLE, { id: ada.id }, ada.token);
      expect(own.data!.me.blockedPeople.map((p: any) => p.id).sort()).toEqual([ben.id, cleo.id].sort());
    });

    it('withdraws a pending request from the blocked person', async () => {
      const [ada, ben] = [await newPerson(t), await newPerson(t)];
      await net.sendRequest(ben, ada);
      await block(ada, ben);
      expect(await net.storedRequests(ada.id, ben.id)).toEqual([
        expect.objectContaining({ fromId: ben.id, status: 'WITHDRAWN' }),
      ]);
      const me = await t.gql(`query { me { incomingConnectionRequests { id } } }`, {}, ada.token);
      expect(me.data!.me.incomingConnectionRequests).toEqual([]);
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
      expect(blockedList.data!.me.blockedPeople).toEqual([]);
    });

    it('cannot refer a supplier to the blocker, even when connected again', async () => {
      const [ada, ben] = [await newPerson(t), await newPerson(t)];
      const supplierId = `supplier-${ada.id}`;
      await t.neo4j.write(
        `MATCH (c:Category {id: $category})
         CREATE (:Organization {id: $supplierId, name: 'Steelworks', country: 'DE', roles: ['SUPPLIER']})-[:SUPPLIES]->(c)`,
        { supplierId, category: STEEL },
      );
      await block(ada, ben);
      // A connection that stands despite the block (no request can make one now) does not let referrals through.
      await connectInGraph(ada, ben);
      const input = { toPersonId: ada.id, supplierId, categoryId: STEEL, message: 'Good' };
      expectGenericForbidden(await t.gql(REFER, { input }, ben.token));
      const stored = await t.neo4j.read<{ n: number }>(
        'MATCH (:Person {id: $id})-[:REFERRED]->(r:Referral) RETURN count(r) AS n',
        { id: ben.id },
      );
      expect(stored[0].n).toBe(0);

      await unblock(ada, ben);
      expect((await t.gql(REFER, { input }, ben.token)).errors).toBeUndefined();
    });

    it('cannot request an introduction when the target or an intermediary blocked them', async () => {
      const [req, mid, target] = [await newPerson(t), await newPerson(t), await newPerson(t)];
      await net.connect(req, mid);
      await net.connect(mid, target);
      const input = { path: [mid.id, target.id], message: 'Please introduce me' };

      await block(target, req);
      expectGenericForbidden(await t.gql(INTRODUCE, { input }, req.token));
      await unblock(target, req);

      await block(mid, req);
      await connectInGraph(mid, req);
      expectGenericForbidden(await t.gql(INTRODUCE, { input }, req.token));
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
