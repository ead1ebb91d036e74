import { newPerson, TestPerson } from './support/factories.js';
import { createTestApp, onlyError, TestApp } from './support/test-app.js';
import { CONNECTIONS, MUTUAL, namesOf, networkHelpers } from './support/network-helpers.js';

/** Direct connections: removing one, mutual connections, and Person.connections with connectionCount. */
describe('network', () => {
  let t: TestApp;
  const { removeVia, sendRequest, connect, storedRequests, connectionCount, degrees } = networkHelpers(() => t);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('removeConnection', () => {
    it('removes the connection whichever side asks', async () => {
      const [ann, bob, cem] = [await newPerson(t), await newPerson(t), await newPerson(t)];
      await connect(ann, bob);
      await connect(ann, cem);
      // The requester removes one connection, the recipient the other.
      expect(await removeVia(ann, bob)).toMatchObject({ data: { removeConnection: true } });
      expect(await removeVia(cem, ann)).toMatchObject({ data: { removeConnection: true } });
      expect(await connectionCount(ann.id, bob.id)).toBe(0);
      expect(await connectionCount(ann.id, cem.id)).toBe(0);
      expect(await degrees(ann, { bob, cem })).toEqual({ bob: null, cem: null });
    });

    it('answers NOT_FOUND on "personId" when not connected, for unknown people and for oneself', async () => {
      const [ann, bob] = [await newPerson(t), await newPerson(t)];
      await sendRequest(ann, bob);
      for (const other of [bob, { id: 'no-such-person' }, ann]) {
        const res = await removeVia(ann, other);
        expect(onlyError(res).extensions).toEqual({ code: 'NOT_FOUND', field: 'personId' });
        expect(res.data).toBeNull();
      }
      expect(await storedRequests(ann.id, bob.id)).toEqual([{ fromId: ann.id, status: 'PENDING', message: null }]);
    });

    it('cannot remove a connection between two other people', async () => {
      const [ann, bob, cem] = [await newPerson(t), await newPerson(t), await newPerson(t)];
      await connect(ann, bob);
      expect(onlyError(await removeVia(cem, bob)).extensions).toEqual({ code: 'NOT_FOUND', field: 'personId' });
      expect(await connectionCount(ann.id, bob.id)).toBe(1);
    });
  });

  describe('mutualConnections', () => {
    /** V and P share five connections (two named alike), and each has one of their own; V and P are connected. */
    const mutualSetup = async () => {
      const v = await newPerson(t, { name: 'Viewer' });
      const p = await newPerson(t, { name: 'Pat' });
      await connect(v, p);
      const shared: TestPerson[] = [];
      for (const name of ['Zoe', 'Mia', 'Ann', 'Mia', 'Bob']) {
        const person = await newPerson(t, { name });
        shared.push(person);
        await connect(v, person);
        await connect(person, p);
      }
      await connect(v, await newPerson(t, { name: 'Only the viewer’s' }));
      await connect(await newPerson(t, { name: 'Only Pat’s' }), p);
      const mias = shared.filter((person) => person.name === 'Mia').sort((x, y) => (x.id < y.id ? -1 : 1));
      return { v, p, mias };
    };
    const mutual = async (viewer: TestPerson, personId: string, page: { first?: number; after?: string } = {}) => {
      const res = await t.gql(MUTUAL, { personId, ...page }, viewer.token);
      expect(res.errors).toBeUndefined();
      return res.data!.mutualConnections;
    };

    it('lists the people connected to both, ordered by name then id, page by page', async () => {
      const { v, p, mias } = await mutualSetup();
      const first = await mutual(v, p.id, { first: 2 });
      expect(first.totalCount).toBe(5);
      expect(namesOf(first)).toEqual(['Ann', 'Bob']);
      expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      expect(first.pageInfo.startCursor).toBe(first.edges[0].cursor);
      expect(first.pageInfo.endCursor).toBe(first.edges[1].cursor);

      const second = await mutual(v, p.id, { first: 2, after: first.pageInfo.endCursor });
      expect(second.edges.map((edge: any) => edge.node.id)).toEqual(mias.map((mia) => mia.id));
      expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });

      const third = await mutual(v, p.id, { first: 2, after: second.pageInfo.endCursor });
      expect(namesOf(third)).toEqual(['Zoe']);
      expect(third.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

      // The default page holds all of them, and the relation is symmetric.
      expect(namesOf(await mutual(v, p.id))).toEqual(['Ann', 'Bob', 'Mia', 'Mia', 'Zoe']);
      expect(namesOf(await mutual(p, v.id))).toEqual(['Ann', 'Bob', 'Mia', 'Mia', 'Zoe']);
    });

    it('is empty with a person who shares no connections', async () => {
      const { v } = await mutualSetup();
      const loner = await newPerson(t);
      expect(await mutual(v, loner.id)).toEqual({
        totalCount: 0,
        edges: [],
        pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
      });
    });

    it('answers NOT_FOUND on "personId" for an unknown person', async () => {
      const v = await newPerson(t);
      const res = await t.gql(MUTUAL, { personId: 'no-such-person' }, v.token);
      expect(onlyError(res).extensions).toEqual({ code: 'NOT_FOUND', field: 'personId' });
    });

    it.each([
      [{ first: 0 }, 'first'],
      [{ first: 101 }, 'first'],
      [{ after: 'not-a-cursor' }, 'after'],
    ])('rejects %p with BAD_USER_INPUT on "%s"', async (page, field) => {
      const [v, p] = [await newPerson(t), await newPerson(t)];
      const res = await t.gql(MUTUAL, { personId: p.id, ...page }, v.token);
      expect(onlyError(res).extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    });
  });

  describe('Person.connections and connectionCount', () => {
    it('lists a person’s direct connections by name then id, paginated, for any viewer', async () => {
      const hub = await newPerson(t, { name: 'Hub' });
      const names = ['Dora', 'Ali', 'Cleo', 'Ali', 'Ben'];
      const others: TestPerson[] = [];
      for (const name of names) {
        const person = await newPerson(t, { name });
        others.push(person);
        // Some ask the hub, the hub asks others: direction does not matter.
        if (others.length % 2 === 0) await connect(person, hub);
        else await connect(hub, person);
      }
      const alis = others.filter((person) => person.name === 'Ali').sort((x, y) => (x.id < y.id ? -1 : 1));
      const stranger = await newPerson(t);

      const first = await t.gql(CONNECTIONS, { id: hub.id, first: 3 }, stranger.token);
      expect(first.errors).toBeUndefined();
      expect(first.data!.person.connectionCount).toBe(5);
      const page = first.data!.person.connections;
      expect(page.totalCount).toBe(5);
      expect(page.edges.map((edge: any) => edge.node.id)).toEqual([...alis.map((ali) => ali.id), others[4].id]);
      expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

      const rest = await t.gql(CONNECTIONS, { id: hub.id, first: 3, after: page.pageInfo.endCursor }, stranger.token);
      expect(namesOf(rest.data!.person.connections)).toEqual(['Cleo', 'Dora']);
      expect(rest.data!.person.connections.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

      // Each connected person sees the hub among their connections.
      const ali = await t.gql(CONNECTIONS, { id: alis[0].id }, stranger.token);
      expect(ali.data!.person).toMatchObject({ connectionCount: 1, connections: { totalCount: 1 } });
      expect(namesOf(ali.data!.person.connections)).toEqual(['Hub']);
    });

    it('shows each person’s own connections and count when nested in one request', async () => {
      const [ann, bob, cem, dan] = [
        await newPerson(t, { name: 'Ann' }),
        await newPerson(t, { name: 'Bob' }),
        await newPerson(t, { name: 'Cem' }),
        await newPerson(t, { name: 'Dan' }),
      ];
      await connect(ann, bob);
      await connect(ann, cem);
      await connect(dan, bob);
      const res = await t.gql(
        `query Nested($id: ID!) {
          person(id: $id) {
            connectionCount
            connections { edges { node { name connectionCount connections { edges { node { name } } } } } }
          }
        }`,
        { id: ann.id },
        dan.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.person.connectionCount).toBe(2);
      expect(
        res.data!.person.connections.edges.map((edge: any) => [
          edge.node.name,
          edge.node.connectionCount,
          namesOf(edge.node.connections),
        ]),
      ).toEqual([
        ['Bob', 2, ['Ann', 'Dan']],
        ['Cem', 1, ['Ann']],
      ]);
    });

    it('is empty for a person without connections', async () => {
      const [loner, viewer] = [await newPerson(t), await newPerson(t)];
      const res = await t.gql(CONNECTIONS, { id: loner.id }, viewer.token);
      expect(res.data!.person).toEqual({
        connectionCount: 0,
        connections: {
          totalCount: 0,
          edges: [],
          pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
        },
      });
    });

    it.each([
      [{ first: 0 }, 'first'],
      [{ first: 101 }, 'first'],
      [{ after: 'not-a-cursor' }, 'after'],
    ])('rejects %p with BAD_USER_INPUT on "%s"', async (page, field) => {
      const viewer = await newPerson(t);
      const res = await t.gql(CONNECTIONS, { id: viewer.id, ...page }, viewer.token);
      expect(onlyError(res).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });
  });
});
