import { newPerson, TestPerson } from './support/factories.js';
import { createTestApp, onlyError, TestApp } from './support/test-app.js';
import { FASTENERS, isoDay, METALS, ok, PLASTICS, sourcingHelpers, STEEL } from './support/sourcing-helpers.js';

describe('sourcing requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const {
    connect,
    disconnect,
    newSupplier,
    setup,
    post,
    posted,
    answer,
    answered,
    close,
    get,
    forMe,
    countOf,
    answerCount,
  } = sourcingHelpers(() => t);
  const postedCount = (who: TestPerson) =>
    countOf('MATCH (:Person {id: $id})-[:POSTED]->(r:SourcingRequest) RETURN count(r) AS n', { id: who.id });

  describe('postSourcingRequest', () => {
    it('creates an OPEN request that only the requester’s direct connections see by default', async () => {
      const { requester, friend, friendOfFriend, stranger } = await setup();
      const neededBy = isoDay(30);
      const request = await posted(requester, { description: '  Need M8 bolts  ', neededBy });
      expect(request).toEqual({
        id: expect.any(String),
        description: 'Need M8 bolts',
        maxDegree: 1,
        neededBy,
        status: 'OPEN',
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        requester: { id: requester.id },
        category: { id: METALS },
      });
      expect(await get(requester, request.id)).toMatchObject({ id: request.id, status: 'OPEN' });
      expect(await get(friend, request.id)).toMatchObject({ id: request.id });
      expect(await get(friendOfFriend, request.id)).toBeNull();
      expect(await get(stranger, request.id)).toBeNull();
      const rows = await t.neo4j.read<{ audience: string[] }>(
        `MATCH (:Person {id: $requesterId})-[:POSTED]->(r:SourcingRequest {id: $id})-[:FOR_CATEGORY]->(:Category {id: $categoryId})
         MATCH (r)-[:VISIBLE_TO]->(p:Person) RETURN collect(p.id) AS audience`,
        { requesterId: requester.id, id: request.id, categoryId: METALS },
      );
      expect(rows).toEqual([{ audience: [friend.id] }]);
    });

    it('reaches connections of connections with maxDegree 2, never the requester themself', async () => {
      const { requester, friend, friendOfFriend, stranger } = await setup();
      const request = await posted(requester, { maxDegree: 2 });
      expect(request).toMatchObject({ maxDegree: 2, neededBy: null });
      expect(await get(friend, request.id)).toMatchObject({ id: request.id });
      expect(await get(friendOfFriend, request.id)).toMatchObject({ id: request.id });
      expect(await get(stranger, request.id)).toBeNull();
      expect((await forMe(requester)).totalCount).toBe(0);
    });

    it('accepts a description of 2,000 characters and a neededBy of today', async () => {
      const { requester } = await setup();
      const description = 'd'.repeat(2000);
      expect(await posted(requester, { description, neededBy: isoDay(0) })).toMatchObject({
        description,
        neededBy: isoDay(0),
      });
    });

    it('answers BAD_USER_INPUT on the field at fault and stores nothing', async () => {
      const { requester } = await setup();
      const valid = { categoryId: METALS, description: 'Bolts' };
      const cases: [Record<string, unknown>, string][] = [
        [{ maxDegree: 0 }, 'input.maxDegree'],
        [{ maxDegree: 3 }, 'input.maxDegree'],
        [{ description: '' }, 'input.description'],
        [{ description: '   ' }, 'input.description'],
        [{ description: 'd'.repeat(2001) }, 'input.description'],
        [{ neededBy: isoDay(-2) }, 'input.neededBy'],
        [{ categoryId: 'no-such-category' }, 'input.categoryId'],
      ];
      for (const [overrides, field] of cases) {
        const res = await post(requester, { ...valid, ...overrides });
        expect([overrides, onlyError(res).extensions]).toEqual([overrides, { code: 'BAD_USER_INPUT', field }]);
        expect(res.data).toBeNull();
      }
      expect(await postedCount(requester)).toBe(0);
    });

    it('requires a signed-in caller', async () => {
      const res = await post(null, { categoryId: METALS, description: 'Anonymous bolts' });
      expect(onlyError(res).extensions.code).toBe('UNAUTHENTICATED');
      expect(
        await countOf('MATCH (r:SourcingRequest {description: $d}) RETURN count(r) AS n', { d: 'Anonymous bolts' }),
      ).toBe(0);
    });
  });

  describe('the audience is fixed when the request is posted', () => {
    it('keeps out someone who connects later, and keeps in someone who disconnects later', async () => {
      const { requester, friend, supplier } = await setup();
      const request = await posted(requester);
      const latecomer = await newPerson(t, { name: 'Latecomer' });
      await connect(requester, latecomer);
      await disconnect(requester, friend);

      expect(await get(latecomer, request.id)).toBeNull();
      expect((await forMe(latecomer)).totalCount).toBe(0);
      const res = await answer(latecomer, { requestId: request.id, supplierId: supplier.id });
      expect(onlyError(res).extensions.code).toBe('NOT_FOUND');
      expect(res.data).toBeNull();

      expect(await get(friend, request.id)).toMatchObject({ id: request.id });
      expect((await forMe(friend)).edges.map((edge: any) => edge.node.id)).toEqual([request.id]);
      expect(await answered(friend, { requestId: request.id, supplierId: supplier.id })).toMatchObject({
        answerer: { id: friend.id },
      });
      expect(await answerCount(request.id)).toBe(1);
    });
  });

  describe('answerSourcingRequest', () => {
    it('stores an answer that the requester sees, and the answerer sees only their own', async () => {
      const { requester, friend, supplier } = await setup();
      const other = await newPerson(t, { name: 'Other friend' });
      await connect(other, requester);
      const request = await posted(requester);
      const fromFriend = await answered(friend, {
        requestId: request.id,
        supplierId: supplier.id,
        comment: '  Fast and fair.  ',
      });
      expect(fromFriend).toEqual({
        id: expect.any(String),
        comment: 'Fast and fair.',
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        answerer: { id: friend.id },
        supplier: { id: supplier.id },
      });
      const fromOther = await answered(other, { requestId: request.id, supplierId: supplier.id, comment: '  ' });
      expect(fromOther.comment).toBeNull();

      const asRequester = await get(requester, request.id);
      expect(asRequester.answers.totalCount).toBe(2);
      expect(asRequester.answers.edges.map((edge: any) => edge.node.id)).toEqual([fromOther.id, fromFriend.id]);
      const asFriend = await get(friend, request.id);
      expect(asFriend.answers).toEqual({
        totalCount: 1,
        edges: [{ node: { id: fromFriend.id, answerer: { id: friend.id }, supplier: { id: supplier.id } } }],
      });
    });

    it('accepts a supplier of a subcategory, and one answer per supplier per answerer (CONFLICT on a repeat)', async () => {
      const { requester, friend, supplier } = await setup();
      const fastenerSupplier = await newSupplier([FASTENERS]);
      const request = await posted(requester);
      await answered(friend, { requestId: request.id, supplierId: supplier.id });
      await answered(friend, { requestId: request.id, supplierId: fastenerSupplier.id });
      const res = await answer(friend, { requestId: request.id, supplierId: supplier.id, comment: 'again' });
      expect(onlyError(res).extensions.code).toBe('CONFLICT');
      expect(res.data).toBeNull();
      expect(await answerCount(request.id)).toBe(2);
    });

    it('answers BAD_USER_INPUT for an unknown supplier or one outside the category, and stores nothing', async () => {
      const { requester, friend } = await setup();
      const plastics = await newSupplier([PLASTICS]);
      const request = await posted(requester, { categoryId: STEEL });
      const fastenerSupplier = await newSupplier([FASTENERS]);
      for (const supplierId of ['no-such-organization', plastics.id, fastenerSupplier.id]) {
        const res = await answer(friend, { requestId: request.id, supplierId });
        expect([supplierId, onlyError(res).extensions]).toEqual([
          supplierId,
          { code: 'BAD_USER_INPUT', field: 'input.supplierId' },
        ]);
      }
      const long = await answer(friend, { requestId: request.id, supplierId: plastics.id, comment: 'c'.repeat(1001) });
      expect(onlyError(long).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.comment' });
      expect(await answerCount(request.id)).toBe(0);
    });

    it('is NOT_FOUND for people outside the audience and unknown ids, FORBIDDEN for the requester', async () => {
      const { requester, friendOfFriend, stranger, supplier } = await setup();
      const request = await posted(requester);
      for (const [who, actor, requestId] of [
        ['a stranger', stranger, request.id],
        ['a connection of a connection (maxDegree 1)', friendOfFriend, request.id],
        ['anyone, for an unknown id', requester, 'no-such-request'],
      ] as const) {
        const res = await answer(actor, { requestId, supplierId: supplier.id });
        expect([who, onlyError(res).extensions]).toEqual([who, { code: 'NOT_FOUND', field: 'input.requestId' }]);
      }
      const own = await answer(requester, { requestId: request.id, supplierId: supplier.id });
      expect(onlyError(own).extensions.code).toBe('FORBIDDEN');
      expect(await answerCount(request.id)).toBe(0);
    });

    it('is CONFLICT once the request is closed', async () => {
      const { requester, friend, supplier } = await setup();
      const request = await posted(requester);
      ok(await close(requester, request.id), 'closeSourcingRequest');
      const res = await answer(friend, { requestId: request.id, supplierId: supplier.id });
      expect(onlyError(res).extensions.code).toBe('CONFLICT');
      expect(await answerCount(request.id)).toBe(0);
    });

    it('stores exactly one of 10 identical answers sent in parallel; the others are CONFLICT', async () => {
      const { requester, friend, supplier } = await setup();
      const request = await posted(requester);
      const results = await Promise.all(
        Array.from({ length: 10 }, () => answer(friend, { requestId: request.id, supplierId: supplier.id })),
      );
      expect(results.filter((res) => !res.errors).length).toBe(1);
      expect(results.filter((res) => res.errors?.[0]?.extensions.code === 'CONFLICT').length).toBe(9);
      expect(await answerCount(request.id)).toBe(1);
    });
  });

  describe('closeSourcingRequest', () => {
    it('lets the requester close it once; CONFLICT the second time, and it leaves sourcingRequestsForMe', async () => {
      const { requester, friend } = await setup();
      const request = await posted(requester);
      expect((await forMe(friend)).totalCount).toBe(1);
      expect(ok(await close(requester, request.id), 'closeSourcingRequest')).toEqual({
        id: request.id,
        status: 'CLOSED',
      });
      const again = await close(requester, request.id);
      expect(onlyError(again).extensions.code).toBe('CONFLICT');
      expect((await forMe(friend)).totalCount).toBe(0);
      expect(await get(friend, request.id)).toMatchObject({ status: 'CLOSED' });
    });

    it('is FORBIDDEN for the audience and NOT_FOUND for others, and changes nothing', async () => {
      const { requester, friend, stranger } = await setup();
      const request = await posted(requester);
      const byFriend = await close(friend, request.id);
      expect(onlyError(byFriend).extensions.code).toBe('FORBIDDEN');
      const byStranger = await close(stranger, request.id);
      expect(onlyError(byStranger).extensions.code).toBe('NOT_FOUND');
      expect(await get(requester, request.id)).toMatchObject({ status: 'OPEN' });
    });

    it('closes once when the requester closes in parallel', async () => {
      const { requester } = await setup();
      const request = await posted(requester);
      const results = await Promise.all(Array.from({ length: 5 }, () => close(requester, request.id)));
      expect(results.filter((res) => !res.errors).length).toBe(1);
      expect(results.filter((res) => res.errors?.[0]?.extensions.code === 'CONFLICT').length).toBe(4);
    });
  });
});
