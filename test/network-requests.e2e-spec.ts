import { newPerson } from './support/factories.js';
import { createTestApp, GqlResponse, onlyError, TestApp } from './support/test-app.js';
import { expectFirstOverMaximumRefused, nodesOf, pageOf, walkMyPages } from './support/page-helpers.js';
import {
  ME_REQUESTS,
  MUTUAL,
  networkHelpers,
  PATH,
  REMOVE,
  REQUEST,
  REQUEST_LISTS,
  RESPOND,
  WITHDRAW,
} from './support/network-helpers.js';

/** Connection requests: sending, answering, withdrawing and listing them; and sign-in for every operation. */
describe('network', () => {
  let t: TestApp;
  const {
    requestVia,
    respondVia,
    withdrawVia,
    removeVia,
    sendRequest,
    connect,
    storedRequests,
    connectionCount,
    requestStatus,
    degrees,
  } = networkHelpers(() => t);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('requestConnection', () => {
    it('creates a PENDING request with the trimmed message, listed for both people, without connecting them', async () => {
      const ann = await newPerson(t, { name: 'Ann' });
      const bob = await newPerson(t, { name: 'Bob' });
      const res = await requestVia(ann, bob, '  Met you at the fair.  ');
      expect(res.errors).toBeUndefined();
      const request = res.data!.requestConnection;
      expect(request).toEqual({
        id: expect.any(String),
        status: 'PENDING',
        message: 'Met you at the fair.',
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        from: { id: ann.id, name: 'Ann' },
        to: { id: bob.id, name: 'Bob' },
      });
      expect(Math.abs(Date.parse(request.createdAt) - Date.now())).toBeLessThan(60_000);

      const bobs = await t.gql(ME_REQUESTS, {}, bob.token);
      expect(bobs.data!.me).toEqual({
        incomingConnectionRequests: pageOf({ id: request.id, from: { id: ann.id } }),
        outgoingConnectionRequests: pageOf(),
      });
      const anns = await t.gql(ME_REQUESTS, {}, ann.token);
      expect(anns.data!.me).toEqual({
        incomingConnectionRequests: pageOf(),
        outgoingConnectionRequests: pageOf({ id: request.id, to: { id: bob.id } }),
      });
      expect(await connectionCount(ann.id, bob.id)).toBe(0);
      expect(await degrees(ann, { bob })).toEqual({ bob: null });
    });

    it.each([
      ['omitted', undefined],
      ['null', null],
      ['only spaces', '    '],
    ])('stores no message when it is %s', async (_case, message) => {
      const [ann, bob] = [await newPerson(t), await newPerson(t)];
      const res = await requestVia(ann, bob, message);
      expect(res.errors).toBeUndefined();
      expect(res.data!.requestConnection.message).toBeNull();
      expect(await storedRequests(ann.id, bob.id)).toEqual([{ fromId: ann.id, status: 'PENDING', message: null }]);
    });

    it('accepts a message of 1000 characters and rejects 1001 with BAD_USER_INPUT on "message", storing nothing', async () => {
      const [ann, bob, cem] = [await newPerson(t), await newPerson(t), await newPerson(t)];
      const longest = await requestVia(ann, bob, 'm'.repeat(1000));
      expect(longest.errors).toBeUndefined();
      expect(longest.data!.requestConnection.message).toHaveLength(1000);

      const tooLong = await requestVia(ann, cem, 'm'.repeat(1001));
      expect(onlyError(tooLong).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'message' });
      expect(tooLong.data).toBeNull();
      expect(await storedRequests(ann.id, cem.id)).toEqual([]);
    });

    it('rejects a request to oneself with BAD_USER_INPUT on "personId" and stores nothing', async () => {
      const ann = await newPerson(t);
      const res = await requestVia(ann, ann);
      expect(onlyError(res).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'personId' });
      expect(await storedRequests(ann.id, ann.id)).toEqual([]);
    });

    it('answers NOT_FOUND on "personId" for an unknown person and stores nothing', async () => {
      const ann = await newPerson(t);
      const res = await requestVia(ann, { id: 'no-such-person' });
      expect(onlyError(res).extensions).toEqual({ code: 'NOT_FOUND', field: 'personId' });
      const [row] = await t.neo4j.read<{ n: number }>(
        'MATCH (:Person {id: $id})-[:SENT_REQUEST]->(r) RETURN count(r) AS n',
        { id: ann.id },
      );
      expect(row.n).toBe(0);
    });

    it('answers CONFLICT while a request is PENDING in either direction', async () => {
      const [ann, bob] = [await newPerson(t), await newPerson(t)];
      await sendRequest(ann, bob);
      expect(onlyError(await requestVia(ann, bob, 'again')).extensions).toEqual({
        code: 'CONFLICT',
        field: 'personId',
      });
      expect(onlyError(await requestVia(bob, ann)).extensions).toEqual({ code: 'CONFLICT', field: 'personId' });
      expect(await storedRequests(ann.id, bob.id)).toEqual([{ fromId: ann.id, status: 'PENDING', message: null }]);
    });

    it('answers CONFLICT when already connected, in either direction', async () => {
      const [ann, bob] = [await newPerson(t), await newPerson(t)];
      await connect(ann, bob);
      expect(onlyError(await requestVia(ann, bob)).extensions).toEqual({ code: 'CONFLICT', field: 'personId' });
      expect(onlyError(await requestVia(bob, ann)).extensions).toEqual({ code: 'CONFLICT', field: 'personId' });
      expect((await storedRequests(ann.id, bob.id)).map((r) => r.status)).toEqual(['ACCEPTED']);
    });

    it('allows a new request once the previous one was declined or withdrawn, or the connection removed', async () => {
      const [ann, bob] = [await newPerson(t), await newPerson(t)];
      await respondVia(bob, await sendRequest(ann, bob), false);
      await withdrawVia(bob, await sendRequest(bob, ann));
      await connect(ann, bob);
      expect((await removeVia(ann, bob)).data).toEqual({ removeConnection: true });
      const again = await requestVia(bob, ann, 'Shall we reconnect?');
      expect(again.errors).toBeUndefined();
      expect((await storedRequests(ann.id, bob.id)).map((r) => r.status)).toEqual([
        'DECLINED',
        'WITHDRAWN',
        'ACCEPTED',
        'PENDING',
      ]);
    });

    it('stores exactly one PENDING request for 20 concurrent identical requests; the others get CONFLICT', async () => {
      const [ann, bob] = [await newPerson(t), await newPerson(t)];
      const results = await Promise.all(Array.from({ length: 20 }, () => requestVia(ann, bob)));
      expect(results.filter((res) => !res.errors)).toHaveLength(1);
      const failures = results.filter((res) => res.errors).map((res) => onlyError(res).extensions);
      expect(failures).toEqual(Array(19).fill({ code: 'CONFLICT', field: 'personId' }));
      expect(await storedRequests(ann.id, bob.id)).toEqual([{ fromId: ann.id, status: 'PENDING', message: null }]);
    });

    it('stores exactly one PENDING request when both people ask each other concurrently', async () => {
      const [ann, bob] = [await newPerson(t), await newPerson(t)];
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? requestVia(ann, bob) : requestVia(bob, ann))),
      );
      expect(results.filter((res) => !res.errors)).toHaveLength(1);
      const stored = await storedRequests(ann.id, bob.id);
      expect(stored.map((r) => r.status)).toEqual(['PENDING']);
    });
  });

  describe('respondToConnectionRequest', () => {
    it('accepting connects the two people with exactly one relationship and clears the pending lists', async () => {
      const [ann, bob] = [await newPerson(t, { name: 'Ann' }), await newPerson(t, { name: 'Bob' })];
      const requestId = await sendRequest(ann, bob, 'Hello');
      const res = await respondVia(bob, requestId, true);
      expect(res.errors).toBeUndefined();
      expect(res.data!.respondToConnectionRequest).toMatchObject({
        id: requestId,
        status: 'ACCEPTED',
        message: 'Hello',
        from: { id: ann.id },
        to: { id: bob.id },
      });
      expect(await connectionCount(ann.id, bob.id)).toBe(1);
      const [since] = await t.neo4j.read<{ since: Date }>(
        'MATCH (:Person {id: $id})-[c:CONNECTED_TO]-() RETURN c.since AS since',
        { id: ann.id },
      );
      expect(since.since).toBeInstanceOf(Date);
      expect(await degrees(ann, { bob })).toEqual({ bob: 1 });
      expect(await degrees(bob, { ann })).toEqual({ ann: 1 });
      for (const person of [ann, bob]) {
        const lists = await t.gql(ME_REQUESTS, {}, person.token);
        expect(lists.data!.me).toEqual({ incomingConnectionRequests: pageOf(), outgoingConnectionRequests: pageOf() });
      }
    });

    it('declining leaves the two unconnected', async () => {
      const [ann, bob] = [await newPerson(t), await newPerson(t)];
      const requestId = await sendRequest(ann, bob);
      const res = await respondVia(bob, requestId, false);
      expect(res.errors).toBeUndefined();
      expect(res.data!.respondToConnectionRequest).toMatchObject({ id: requestId, status: 'DECLINED' });
      expect(await connectionCount(ann.id, bob.id)).toBe(0);
      expect(await degrees(ann, { bob })).toEqual({ bob: null });
    });

    it('forbids the sender and third parties, for both answers, and changes nothing', async () => {
      const [ann, bob, cem] = [await newPerson(t), await newPerson(t), await newPerson(t)];
      const requestId = await sendRequest(ann, bob);
      for (const [who, actor] of [
        ['the sender', ann],
        ['a third party', cem],
      ] as const) {
        for (const accept of [true, false]) {
          const res = await respondVia(actor, requestId, accept);
          expect([who, accept, onlyError(res).extensions.code]).toEqual([who, accept, 'FORBIDDEN']);
          expect(res.data).toBeNull();
        }
      }
      expect(await requestStatus(requestId)).toBe('PENDING');
      expect(await connectionCount(ann.id, bob.id)).toBe(0);
    });

    it('answers CONFLICT on "requestId" for a request that is no longer PENDING, and changes nothing', async () => {
      const [ann, bob, cem, dan] = [await newPerson(t), await newPerson(t), await newPerson(t), await newPerson(t)];
      const accepted = await sendRequest(ann, bob);
      await respondVia(bob, accepted, true);
      const declined = await sendRequest(cem, bob);
      await respondVia(bob, declined, false);
      const withdrawn = await sendRequest(dan, bob);
      await withdrawVia(dan, withdrawn);
      for (const [requestId, status] of [
        [accepted, 'ACCEPTED'],
        [declined, 'DECLINED'],
        [withdrawn, 'WITHDRAWN'],
      ]) {
        for (const accept of [true, false]) {
          const res = await respondVia(bob, requestId, accept);
          expect(onlyError(res).extensions).toEqual({ code: 'CONFLICT', field: 'requestId' });
        }
        expect(await requestStatus(requestId)).toBe(status);
      }
      expect(await connectionCount(ann.id, bob.id)).toBe(1);
      expect(await connectionCount(cem.id, bob.id)).toBe(0);
      expect(await connectionCount(dan.id, bob.id)).toBe(0);
    });

    it('answers NOT_FOUND on "requestId" for an unknown request', async () => {
      const bob = await newPerson(t);
      const res = await respondVia(bob, 'no-such-request', true);
      expect(onlyError(res).extensions).toEqual({ code: 'NOT_FOUND', field: 'requestId' });
    });

    it('lets exactly one of 20 concurrent accepts succeed and creates exactly one connection', async () => {
      const [ann, bob] = [await newPerson(t), await newPerson(t)];
      const requestId = await sendRequest(ann, bob);
      const results = await Promise.all(Array.from({ length: 20 }, () => respondVia(bob, requestId, true)));
      expect(results.filter((res) => !res.errors)).toHaveLength(1);
      const failures = results.filter((res) => res.errors).map((res) => onlyError(res).extensions);
      expect(failures).toEqual(Array(19).fill({ code: 'CONFLICT', field: 'requestId' }));
      expect(await connectionCount(ann.id, bob.id)).toBe(1);
      expect(await requestStatus(requestId)).toBe('ACCEPTED');
    });
  });

  describe('withdrawConnectionRequest', () => {
    it('lets the sender withdraw a PENDING request, which leaves both lists', async () => {
      const [ann, bob] = [await newPerson(t), await newPerson(t)];
      const requestId = await sendRequest(ann, bob);
      const res = await withdrawVia(ann, requestId);
      expect(res.errors).toBeUndefined();
      expect(res.data!.withdrawConnectionRequest).toMatchObject({ id: requestId, status: 'WITHDRAWN' });
      expect((await t.gql(ME_REQUESTS, {}, bob.token)).data!.me.incomingConnectionRequests).toEqual(pageOf());
      expect((await t.gql(ME_REQUESTS, {}, ann.token)).data!.me.outgoingConnectionRequests).toEqual(pageOf());
      expect(await connectionCount(ann.id, bob.id)).toBe(0);
    });

    it('forbids the recipient and third parties, and changes nothing', async () => {
      const [ann, bob, cem] = [await newPerson(t), await newPerson(t), await newPerson(t)];
      const requestId = await sendRequest(ann, bob);
      for (const [who, actor] of [
        ['the recipient', bob],
        ['a third party', cem],
      ] as const) {
        const res = await withdrawVia(actor, requestId);
        expect([who, onlyError(res).extensions.code]).toEqual([who, 'FORBIDDEN']);
        expect(res.data).toBeNull();
      }
      expect(await requestStatus(requestId)).toBe('PENDING');
    });

    it('answers CONFLICT on "requestId" for a request that is no longer PENDING', async () => {
      const [ann, bob, cem] = [await newPerson(t), await newPerson(t), await newPerson(t)];
      const accepted = await sendRequest(ann, bob);
      await respondVia(bob, accepted, true);
      const withdrawn = await sendRequest(ann, cem);
      await withdrawVia(ann, withdrawn);
      for (const [requestId, status] of [
        [accepted, 'ACCEPTED'],
        [withdrawn, 'WITHDRAWN'],
      ]) {
        expect(onlyError(await withdrawVia(ann, requestId)).extensions).toEqual({
          code: 'CONFLICT',
          field: 'requestId',
        });
        expect(await requestStatus(requestId)).toBe(status);
      }
      expect(await connectionCount(ann.id, bob.id)).toBe(1);
    });

    it('answers NOT_FOUND on "requestId" for an unknown request', async () => {
      const ann = await newPerson(t);
      expect(onlyError(await withdrawVia(ann, 'no-such-request')).extensions).toEqual({
        code: 'NOT_FOUND',
        field: 'requestId',
      });
    });
  });

  describe('Person.incomingConnectionRequests and outgoingConnectionRequests', () => {
    it('lists PENDING requests, newest first, on the viewer’s own Person only', async () => {
      const [ann, bob, cem, dee] = [await newPerson(t), await newPerson(t), await newPerson(t), await newPerson(t)];
      const fromAnn = await sendRequest(ann, bob, 'from Ann');
      const fromCem = await sendRequest(cem, bob, 'from Cem');
      const toDee = await sendRequest(bob, dee);

      const own = await t.gql(REQUEST_LISTS, { id: bob.id }, bob.token);
      expect(own.errors).toBeUndefined();
      expect(own.data!.person.incomingConnectionRequests.totalCount).toBe(2);
      expect(nodesOf(own.data!.person.incomingConnectionRequests).map((r: any) => [r.id, r.message, r.to.id])).toEqual([
        [fromCem, 'from Cem', bob.id],
        [fromAnn, 'from Ann', bob.id],
      ]);
      expect(own.data!.person.outgoingConnectionRequests.totalCount).toBe(1);
      expect(nodesOf(own.data!.person.outgoingConnectionRequests).map((r: any) => [r.id, r.from.id])).toEqual([
        [toDee, bob.id],
      ]);

      // Anyone else, the senders and the recipient included, sees null on Bob.
      for (const viewer of [ann, cem, dee]) {
        const other = await t.gql(REQUEST_LISTS, { id: bob.id }, viewer.token);
        expect(other.errors).toBeUndefined();
        expect(other.data!.person).toEqual({ incomingConnectionRequests: null, outgoingConnectionRequests: null });
      }
      // Answered requests drop out of the lists.
      await respondVia(bob, fromAnn, true);
      const after = await t.gql(REQUEST_LISTS, { id: bob.id }, bob.token);
      expect(after.data!.person.incomingConnectionRequests.totalCount).toBe(1);
      expect(nodesOf(after.data!.person.incomingConnectionRequests).map((r: any) => r.id)).toEqual([fromCem]);
    });

    it('pages both lists newest first with first and after, totalCount and pageInfo, at most 100 a page', async () => {
      const bob = await newPerson(t);
      const incoming: string[] = [];
      const outgoing: string[] = [];
      for (let i = 0; i < 5; i += 1) incoming.push(await sendRequest(await newPerson(t), bob));
      for (let i = 0; i < 3; i += 1) outgoing.push(await sendRequest(bob, await newPerson(t)));
      expect(await walkMyPages(t, bob.token, 'incomingConnectionRequests', 2)).toEqual([...incoming].reverse());
      expect(await walkMyPages(t, bob.token, 'outgoingConnectionRequests', 2)).toEqual([...outgoing].reverse());
      await expectFirstOverMaximumRefused(t, bob.token, 'incomingConnectionRequests');
      await expectFirstOverMaximumRefused(t, bob.token, 'outgoingConnectionRequests');
    });
  });

  it('requires a signed-in caller for every operation', async () => {
    const [ann, bob] = [await newPerson(t), await newPerson(t)];
    const requestId = await sendRequest(ann, bob);
    const anonymous: GqlResponse[] = [
      await t.gql(REQUEST, { personId: bob.id }),
      await t.gql(RESPOND, { requestId, accept: true }),
      await t.gql(WITHDRAW, { requestId }),
      await t.gql(REMOVE, { personId: bob.id }),
      await t.gql(PATH, { toPersonId: bob.id }),
      await t.gql(MUTUAL, { personId: bob.id }),
    ];
    for (const res of anonymous) expect(onlyError(res).extensions.code).toBe('UNAUTHENTICATED');
    expect(await requestStatus(requestId)).toBe('PENDING');
    expect(await connectionCount(ann.id, bob.id)).toBe(0);
  });
});
