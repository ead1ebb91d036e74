import { PolicyService } from '#tradegraph/policy';
import { newPerson, TestPerson } from './support/factories.js';
import { networkHelpers } from './support/network-helpers.js';
import { policyHelpers } from './support/policy-helpers.js';
import { createTestApp, TestApp } from './support/test-app.js';

const TRADERS = `query($supplierId: ID!) {
  networkTradersWith(supplierId: $supplierId, maxDegree: 3) { edges { node { degree person { name } path { name } } } }
}`;

/** Paths never name a hidden person nor show an edge the viewer may not learn; an equally short visible path wins. */
describe('policy: paths', () => {
  let t: TestApp;
  const { pathTo, degrees } = networkHelpers(() => t);
  const { chain, block, settings, newSupplier, trade } = policyHelpers(() => t);
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const people = async (...names: string[]) => {
    const made: Record<string, TestPerson> = {};
    for (const name of names) made[name] = await newPerson(t, { name });
    return made;
  };
  const names = (path: { people: ({ name: string } | null)[] } | null) => path?.people.map((p) => p?.name ?? null);

  it('prefers an equally short path without a blocked person, else shows them as a placeholder', async () => {
    const { V, A, M, T, B, N } = await people('V', 'A', 'M', 'T', 'B', 'N');
    await chain(V, A, M, T);
    await chain(V, B, N, T);
    await block(M, V);
    // Seen many times, the answer is always the visible path.
    for (let i = 0; i < 3; i += 1) expect(names(await pathTo(V, T))).toEqual(['V', 'B', 'N', 'T']);

    await t.neo4j.write('MATCH (:Person {id: $b})-[c:CONNECTED_TO]-(:Person {id: $n}) DELETE c', { b: B.id, n: N.id });
    expect(names(await pathTo(V, T))).toEqual(['V', 'A', null, 'T']);
    // The degree is still the true distance; and the block is between M and V only, so T may see M.
    expect((await degrees(V, { T })).T).toBe(3);
    expect(names(await pathTo(T, V))).toEqual(['T', 'M', 'A', 'V']);
  });

  it('hides one end of an edge the viewer may not learn, never the viewer or the target', async () => {
    const { V, A, B, C, T } = await people('V', 'A', 'B', 'C', 'T');
    await chain(V, A, B, C, T);
    await settings(A, { connectionsVisibility: 'ONLY_ME' });
    await settings(B, { connectionsVisibility: 'ONLY_ME' });
    // A-B is learnable by neither's setting: the later one, B, is hidden.
    expect(names(await pathTo(V, T))).toEqual(['V', 'A', null, 'C', 'T']);

    await settings(B, { connectionsVisibility: 'EVERYONE' });
    await settings(C, { connectionsVisibility: 'ONLY_ME' });
    await settings(T, { connectionsVisibility: 'ONLY_ME' });
    // C-T is hidden by both, and T is the target the viewer asked for: C is hidden instead.
    expect(names(await pathTo(V, T))).toEqual(['V', 'A', 'B', null, 'T']);
    // CONNECTIONS shows C's edges only to C's own connections, which V is not yet.
    await settings(C, { connectionsVisibility: 'CONNECTIONS' });
    expect(names(await pathTo(V, T))).toEqual(['V', 'A', 'B', null, 'T']);
    await chain(V, C);
    expect(names(await pathTo(V, T))).toEqual(['V', 'C', 'T']);
  });

  it('sanitises a given path by the same rules, for paths that are stored rather than searched', async () => {
    const { V, A, X, B, T } = await people('V', 'A', 'X', 'B', 'T');
    await chain(V, A, X, B, T);
    await settings(X, { appearInNetworkSearches: false });
    await settings(A, { connectionsVisibility: 'ONLY_ME' });
    await settings(B, { connectionsVisibility: 'ONLY_ME' });
    await settings(T, { connectionsVisibility: 'ONLY_ME' });
    const policy = t.app.get(PolicyService);
    const ids = [V, A, X, B, T].map((p) => p.id);
    // X's own connections are visible, so only B-T is learnable by neither: B is hidden (T is the last).
    expect(await policy.sanitizePath(V.id, ids, 'PERSON')).toEqual([V.id, A.id, X.id, null, T.id]);
    // In a search, X is not named either.
    expect(await policy.sanitizePath(V.id, ids, 'SEARCH')).toEqual([V.id, A.id, null, null, T.id]);
    await settings(X, { connectionsVisibility: 'ONLY_ME' });
    await settings(B, { connectionsVisibility: 'EVERYONE' });
    // Now only A-X is learnable by neither: the later one, X, is hidden.
    expect(await policy.sanitizePath(V.id, ids, 'PERSON')).toEqual([V.id, A.id, null, B.id, T.id]);
    expect(await policy.sanitizePath(V.id, [V.id, 'gone', T.id], 'PERSON')).toEqual([V.id, null, T.id]);
  });

  it('in networkTradersWith, names no one who opted out of network searches, preferring a path that names everyone', async () => {
    const { V, A, X, T, B, Y } = await people('V', 'A', 'X', 'T', 'B', 'Y');
    await chain(V, A, X, T);
    await chain(V, B, Y, T);
    await settings(X, { appearInNetworkSearches: false });
    const supplierId = await newSupplier();
    await trade(T, supplierId);
    await trade(X, supplierId);
    const traders = async () => {
      const res = await t.gql(TRADERS, { supplierId }, V.token);
      expect(res.errors).toBeUndefined();
      return res.data!.networkTradersWith.edges.map(({ node }: any) => ({
        degree: node.degree,
        person: node.person.name,
        path: node.path.map((p: any) => p?.name ?? null),
      }));
    };
    // X traded too but is no result; the path to T avoids X.
    expect(await traders()).toEqual([{ degree: 3, person: 'T', path: ['V', 'B', 'Y', 'T'] }]);

    await settings(Y, { appearInNetworkSearches: false });
    expect(await traders()).toEqual([
      { degree: 3, person: 'T', path: ['V', expect.stringMatching(/^[AB]$/), null, 'T'] },
    ]);
    // connectionPath is no network search: there, X and Y may be named.
    expect(names(await pathTo(V, T))).not.toContain(null);
  });
});
