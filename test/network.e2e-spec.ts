import { newPerson, TestPerson } from './support/factories.js';
import { createTestApp, GqlResponse, onlyError, TestApp } from './support/test-app.js';

const REQUEST_FIELDS = 'id status message createdAt from { id name } to { id name }';

const REQUEST = `mutation Request($personId: ID!, $message: String) {
  requestConnection(personId: $personId, message: $message) { ${REQUEST_FIELDS} }
}`;
const RESPOND = `mutation Respond($requestId: ID!, $accept: Boolean!) {
  respondToConnectionRequest(requestId: $requestId, accept: $accept) { ${REQUEST_FIELDS} }
}`;
const WITHDRAW = `mutation Withdraw($requestId: ID!) { withdrawConnectionRequest(requestId: $requestId) { ${REQUEST_FIELDS} } }`;
const REMOVE = `mutation Remove($personId: ID!) { removeConnection(personId: $personId) }`;
const PATH = `query Path($toPersonId: ID!, $maxDepth: Int) {
  connectionPath(toPersonId: $toPersonId, maxDepth: $maxDepth) { degree people { id name } }
}`;
const PAGE_FIELDS = `totalCount edges { cursor node { id name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;
const MUTUAL = `query Mutual($personId: ID!, $first: Int, $after: String) {
  mutualConnections(personId: $personId, first: $first, after: $after) { ${PAGE_FIELDS} }
}`;
const CONNECTIONS = `query Connections($id: ID!, $first: Int, $after: String) {
  person(id: $id) { connectionCount connections(first: $first, after: $after) { ${PAGE_FIELDS} } }
}`;
const REQUEST_LISTS = `query Requests($id: ID!) {
  person(id: $id) {
    incomingConnectionRequests { id status message from { id } to { id } }
    outgoingConnectionRequests { id status message from { id } to { id } }
  }
}`;
const ME_REQUESTS = `query { me {
  incomingConnectionRequests { id from { id } }
  outgoingConnectionRequests { id to { id } }
} }`;

describe('network', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const requestVia = (from: TestPerson, to: { id: string }, message?: string | null) =>
    t.gql(REQUEST, { personId: to.id, message }, from.token);
  const respondVia = (actor: TestPerson, requestId: string, accept: boolean) =>
    t.gql(RESPOND, { requestId, accept }, actor.token);
  const withdrawVia = (actor: TestPerson, requestId: string) => t.gql(WITHDRAW, { requestId }, actor.token);
  const removeVia = (actor: TestPerson, other: { id: string }) => t.gql(REMOVE, { personId: other.id }, actor.token);

  /** Sends a request and returns its id, failing the test if it is refused. */
  const sendRequest = async (from: TestPerson, to: TestPerson, message?: string) => {
    const res = await requestVia(from, to, message);
    expect(res.errors).toBeUndefined();
    return res.data!.requestConnection.id as string;
  };
  /** Connects two people through the API: `a` asks, `b` accepts. */
  const connect = async (a: TestPerson, b: TestPerson) => {
    const res = await respondVia(b, await sendRequest(a, b), true);
    expect(res.errors).toBeUndefined();
  };

  /** The stored requests between two people, either direction, oldest first. */
  const storedRequests = (aId: string, bId: string) =>
    t.neo4j.read<{ fromId: string; status: string; message: string | null }>(
      `MATCH (from:Person)-[:SENT_REQUEST]->(r:ConnectionRequest)-[:REQUEST_TO]->(to:Person)
       WHERE (from.id = $aId AND to.id = $bId) OR (from.id = $bId AND to.id = $aId)
       RETURN from.id AS fromId, r.status AS status, r.message AS message ORDER BY r.createdAt`,
      { aId, bId },
    );
  /** How many CONNECTED_TO relationships join two people, in either direction. */
  const connectionCount = async (aId: string, bId: string) =>
    (
      await t.neo4j.read<{ n: number }>(
        'MATCH (:Person {id: $aId})-[c:CONNECTED_TO]-(:Person {id: $bId}) RETURN count(c) AS n',
        { aId, bId },
      )
    )[0].n;
  const requestStatus = async (requestId: string) =>
    (
      await t.neo4j.read<{ status: string }>('MATCH (r:ConnectionRequest {id: $requestId}) RETURN r.status AS status', {
        requestId,
      })
    )[0].status;

  /** connectionDegree of several people, as `viewer` sees them, in one GraphQL request. */
  const degrees = async (viewer: TestPerson, people: Record<string, { id: string }>) => {
    const names = Object.keys(people);
    const query = `query Degrees(${names.map((_, i) => `$id${i}: ID!`).join(', ')}) {
      ${names.map((_, i) => `p${i}: person(id: $id${i}) { connectionDegree }`).join('\n')}
    }`;
    const variables = Object.fromEntries(names.map((name, i) => [`id${i}`, people[name].id]));
    const res = await t.gql(query, variables, viewer.token);
    expect(res.errors).toBeUndefined();
    return Object.fromEntries(names.map((name, i) => [name, res.data![`p${i}`].connectionDegree]));
  };
  const pathTo = async (viewer: TestPerson, target: { id: string }, maxDepth?: number) => {
    const res = await t.gql(PATH, { toPersonId: target.id, maxDepth }, viewer.token);
    expect(res.errors).toBeUndefined();
    return res.data!.connectionPath as { degree: number; people: { id: string; name: string }[] } | null;
  };
  const namesOf = (page: any) => page.edges.map((edge: any) => edge.node.name);

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
        incomingConnectionRequests: [{ id: request.id, from: { id: ann.id } }],
        outgoingConnectionRequests: [],
      });
      const anns = await t.gql(ME_REQUESTS, {}, ann.token);
      expect(anns.data!.me).toEqual({
        incomingConnectionRequests: [],
        outgoingConnectionRequests: [{ id: request.id, to: { id: bob.id } }],
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
        expect(lists.data!.me).toEqual({ incomingConnectionRequests: [], outgoingConnectionRequests: [] });
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
      expect((await t.gql(ME_REQUESTS, {}, bob.token)).data!.me.incomingConnectionRequests).toEqual([]);
      expect((await t.gql(ME_REQUESTS, {}, ann.token)).data!.me.outgoingConnectionRequests).toEqual([]);
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

  /**
   * A small hand-built network. From V: A and B at 1, C at 2 (through A or B, a tie), then a chain
   * D 3, E 4, F 5, G 6. H has no connections; X and Y only know each other.
   */
  const EDGES = [
    ['V', 'A'],
    ['V', 'B'],
    ['A', 'C'],
    ['B', 'C'],
    ['C', 'D'],
    ['D', 'E'],
    ['E', 'F'],
    ['F', 'G'],
    ['X', 'Y'],
  ] as const;
  const buildNetwork = async () => {
    const people: Record<string, TestPerson> = {};
    for (const name of ['V', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'X', 'Y']) {
      people[name] = await newPerson(t, { name });
    }
    for (const [a, b] of EDGES) await connect(people[a], people[b]);
    const nameOf = new Map(Object.entries(people).map(([name, person]) => [person.id, name]));
    /** The path as names, after checking it starts at `from`, ends at `to` and follows existing connections. */
    const checkedPath = (path: { people: { id: string }[] }, from: string, to: string) => {
      const names = path.people.map((person) => nameOf.get(person.id)!);
      expect([names[0], names[names.length - 1]]).toEqual([from, to]);
      for (let i = 1; i < names.length; i++) {
        const joined = EDGES.some(
          ([a, b]) => (a === names[i - 1] && b === names[i]) || (b === names[i - 1] && a === names[i]),
        );
        expect([names[i - 1], names[i], joined]).toEqual([names[i - 1], names[i], true]);
      }
      return names;
    };
    return { people, checkedPath };
  };

  describe('connectionPath and connectionDegree', () => {
    let net: Awaited<ReturnType<typeof buildNetwork>>;
    beforeAll(async () => {
      net = await buildNetwork();
    });

    it('finds a shortest path of the right length, within the default depth of 6', async () => {
      const { people, checkedPath } = net;
      const toA = (await pathTo(people.V, people.A))!;
      expect(toA).toEqual({
        degree: 1,
        people: [
          { id: people.V.id, name: 'V' },
          { id: people.A.id, name: 'A' },
        ],
      });

      // Two shortest paths lead to C; either will do.
      const toC = (await pathTo(people.V, people.C))!;
      expect(toC.degree).toBe(2);
      expect(checkedPath(toC, 'V', 'C')[1]).toMatch(/^[AB]$/);

      const toG = (await pathTo(people.V, people.G))!;
      expect(toG.degree).toBe(6);
      expect(checkedPath(toG, 'V', 'G')).toHaveLength(7);
      expect((await pathTo(people.V, people.G, 6))!.degree).toBe(6);

      // The other way round, from further down the chain.
      const fromE = (await pathTo(people.E, people.A))!;
      expect(fromE.degree).toBe(3);
      expect(checkedPath(fromE, 'E', 'A')).toEqual(['E', 'D', 'C', 'A']);
    });

    it('answers null when no path is within maxDepth, or none exists at all', async () => {
      const { people } = net;
      expect(await pathTo(people.V, people.G, 5)).toBeNull();
      expect((await pathTo(people.V, people.D, 3))!.degree).toBe(3);
      expect(await pathTo(people.V, people.D, 2)).toBeNull();
      expect(await pathTo(people.V, people.C, 1)).toBeNull();
      expect(await pathTo(people.V, people.H)).toBeNull();
      expect(await pathTo(people.V, people.Y)).toBeNull();
    });

    it('answers degree 0 and the viewer alone for a path to oneself', async () => {
      const { people } = net;
      expect(await pathTo(people.V, people.V)).toEqual({ degree: 0, people: [{ id: people.V.id, name: 'V' }] });
    });

    it('answers NOT_FOUND on "toPersonId" for an unknown person', async () => {
      const res = await t.gql(PATH, { toPersonId: 'no-such-person' }, net.people.V.token);
      expect(onlyError(res).extensions).toEqual({ code: 'NOT_FOUND', field: 'toPersonId' });
    });

    it.each([0, 7, -1, 100])('rejects maxDepth %p with BAD_USER_INPUT on "maxDepth"', async (maxDepth) => {
      const res = await t.gql(PATH, { toPersonId: net.people.A.id, maxDepth }, net.people.V.token);
      expect(onlyError(res).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'maxDepth' });
    });

    it('reports each person’s degree from the viewer: 0, 1, 2, 3, and null beyond 3 or unconnected', async () => {
      const { people } = net;
      const { V, A, B, C, D, E, G, H, Y } = people;
      expect(await degrees(V, { V, A, B, C, D, E, G, H, Y })).toEqual({
        V: 0,
        A: 1,
        B: 1,
        C: 2,
        D: 3,
        E: null,
        G: null,
        H: null,
        Y: null,
      });
      // Degrees are the viewer's own: seen from D, the network looks different.
      expect(await degrees(D, { V, A, C, D, E, G })).toEqual({ V: 3, A: 2, C: 1, D: 0, E: 1, G: 3 });
    });

    it('shows degrees on nested people too, such as the people of a path', async () => {
      const { people } = net;
      const res = await t.gql(
        `query Path($to: ID!) { connectionPath(toPersonId: $to) { people { name connectionDegree } } }`,
        { to: people.E.id },
        people.V.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.connectionPath.people.map((p: any) => [p.name, p.connectionDegree])).toEqual([
        ['V', 0],
        [expect.stringMatching(/^[AB]$/), 1],
        ['C', 2],
        ['D', 3],
        ['E', null],
      ]);
    });
  });

  it('changes paths and degrees as connections are removed', async () => {
    const { people, checkedPath } = await buildNetwork();
    const { V, A, B, C, D } = people;
    expect(await removeVia(V, A)).toMatchObject({ data: { removeConnection: true } });
    // C is still two away, now only through B.
    expect(checkedPath((await pathTo(V, C))!, 'V', 'C')).toEqual(['V', 'B', 'C']);
    expect(await degrees(V, { A, B, C, D })).toEqual({ A: 3, B: 1, C: 2, D: 3 });

    // B removes its side (V asked B originally): V is now alone.
    expect(await removeVia(B, V)).toMatchObject({ data: { removeConnection: true } });
    expect(await pathTo(V, C)).toBeNull();
    expect(await pathTo(V, A)).toBeNull();
    expect(await degrees(V, { V, A, B, C })).toEqual({ V: 0, A: null, B: null, C: null });
    // The rest of the network is untouched.
    expect(checkedPath((await pathTo(A, B))!, 'A', 'B')).toEqual(['A', 'C', 'B']);
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

  describe('Person.incomingConnectionRequests and outgoingConnectionRequests', () => {
    it('lists PENDING requests, newest first, on the viewer’s own Person only', async () => {
      const [ann, bob, cem, dee] = [await newPerson(t), await newPerson(t), await newPerson(t), await newPerson(t)];
      const fromAnn = await sendRequest(ann, bob, 'from Ann');
      const fromCem = await sendRequest(cem, bob, 'from Cem');
      const toDee = await sendRequest(bob, dee);

      const own = await t.gql(REQUEST_LISTS, { id: bob.id }, bob.token);
      expect(own.errors).toBeUndefined();
      expect(own.data!.person.incomingConnectionRequests.map((r: any) => [r.id, r.message, r.to.id])).toEqual([
        [fromCem, 'from Cem', bob.id],
        [fromAnn, 'from Ann', bob.id],
      ]);
      expect(own.data!.person.outgoingConnectionRequests.map((r: any) => [r.id, r.from.id])).toEqual([[toDee, bob.id]]);

      // Anyone else, the senders and the recipient included, sees null on Bob.
      for (const viewer of [ann, cem, dee]) {
        const other = await t.gql(REQUEST_LISTS, { id: bob.id }, viewer.token);
        expect(other.errors).toBeUndefined();
        expect(other.data!.person).toEqual({ incomingConnectionRequests: null, outgoingConnectionRequests: null });
      }
      // Answered requests drop out of the lists.
      await respondVia(bob, fromAnn, true);
      const after = await t.gql(REQUEST_LISTS, { id: bob.id }, bob.token);
      expect(after.data!.person.incomingConnectionRequests.map((r: any) => r.id)).toEqual([fromCem]);
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
