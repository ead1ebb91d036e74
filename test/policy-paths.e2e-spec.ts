import { PolicyService } from '#tradegraph/policy';
import { newPerson, TestPerson } from './support/factories.js';
import { networkHelpers } from './support/network-helpers.js';
import { policyHelpers } from './support/policy-helpers.js';
import { createTestApp, TestApp } from './support/test-app.js';

const INTRODUCTION = `id path { name } steps { person { name } note }`;
const REQUEST_INTRODUCTION = `mutation($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { ${INTRODUCTION} } }`;
const PASS_ON = `mutation($id: ID!, $note: String) {
  respondToIntroduction(introductionId: $id, accept: true, note: $note) { ${INTRODUCTION} }
}`;
const TO_HANDLE = `query { me { introductionsToHandle { edges { node { ${INTRODUCTION} } } } } }`;

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

  it('shows an introduction’s path to each person on it by the edge rule, from where they stand', async () => {
    const { R, A, B, T } = await people('R', 'A', 'B', 'T');
    await chain(R, A, B, T);
    // R may see every link when asking: R-A is R's own, A shows connections to R, T shows them to all.
    await settings(R, { connectionsVisibility: 'ONLY_ME' });
    await settings(A, { connectionsVisibility: 'CONNECTIONS' });
    await settings(B, { connectionsVisibility: 'ONLY_ME' });
    const shown = (intro: any) => ({
      path: intro.path.map((p: any) => p?.name ?? null),
      steps: intro.steps.map((s: any) => s.person?.name ?? null),
      notes: intro.steps.map((s: any) => s.note),
    });
    const ok = (res: Awaited<ReturnType<TestApp['gql']>>): any => {
      expect(res.errors).toBeUndefined();
      return res.data!;
    };
    const input = { path: [A.id, B.id, T.id], message: 'Could you introduce us?' };
    const asked = ok(await t.gql(REQUEST_INTRODUCTION, { input }, R.token)).requestIntroduction;
    const all = { path: ['A', 'B', 'T'], steps: ['A', 'B', 'T'], notes: [null, null, null] };
    expect(shown(asked)).toEqual(all);
    const handled = async (who: TestPerson) =>
      ok(await t.gql(TO_HANDLE, {}, who.token)).me.introductionsToHandle.edges.map(({ node }: any) => shown(node));

    // A sees its own two links, and B-T through T's connections.
    expect(await handled(A)).toEqual([all]);
    const passed = ok(await t.gql(PASS_ON, { id: asked.id, note: 'A here: R is a good buyer' }, A.token));
    expect(shown(passed.respondToIntroduction)).toEqual({ ...all, notes: ['A here: R is a good buyer', null, null] });
    // B is A's connection, so A's connections (R-A) are visible to B.
    expect(await handled(B)).toEqual([{ ...all, notes: ['A here: R is a good buyer', null, null] }]);
    await t.gql(PASS_ON, { id: asked.id, note: 'Over to you' }, B.token);
    // T may learn neither R-A (R and A show T nothing) nor A-B: A is hidden, in the path and in the steps.
    // A's note goes with A, since it could name them.
    expect(await handled(T)).toEqual([
      { path: [null, 'B', 'T'], steps: [null, 'B', 'T'], notes: [null, 'Over to you', null] },
    ]);

    // When T hides its connections too, the requester may no longer learn B-T: B is hidden, T stays the target.
    await settings(T, { connectionsVisibility: 'ONLY_ME' });
    const requested = async (who: TestPerson) =>
      ok(
        await t.gql(`query { me { introductionsRequested { edges { node { ${INTRODUCTION} } } } } }`, {}, who.token),
      ).me.introductionsRequested.edges.map(({ node }: any) => shown(node));
    expect(await requested(R)).toEqual([
      { path: ['A', null, 'T'], steps: ['A', null, 'T'], notes: ['A here: R is a good buyer', null, null] },
    ]);
  });
});
