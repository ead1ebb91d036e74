import { newPerson, TestPerson } from './support/factories.js';
import { createTestApp, onlyError, TestApp } from './support/test-app.js';
import { networkHelpers, PATH } from './support/network-helpers.js';

/** Paths and degrees of separation through a small hand-built network. */
describe('network', () => {
  let t: TestApp;
  const { removeVia, connect, degrees, pathTo } = networkHelpers(() => t);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
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
});
