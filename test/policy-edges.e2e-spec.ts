import { newPerson, TestPerson } from './support/factories.js';
import { MUTUAL, namesOf } from './support/network-helpers.js';
import { policyHelpers } from './support/policy-helpers.js';
import { createTestApp, TestApp } from './support/test-app.js';

const NETWORK = `query($id: ID!) {
  person(id: $id) { connectionCount connections { totalCount edges { node { name } } } }
}`;

/** The edge rule: a viewer learns that A and B are connected only when one of them allows it (or is the viewer). */
describe('policy: what others can see of your connections', () => {
  let t: TestApp;
  const { connect, settings, block } = policyHelpers(() => t);
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const mutual = async (viewer: TestPerson, other: TestPerson) => {
    const res = await t.gql(MUTUAL, { personId: other.id }, viewer.token);
    expect(res.errors).toBeUndefined();
    return res.data!.mutualConnections;
  };
  const network = async (viewer: TestPerson, owner: TestPerson) => {
    const res = await t.gql(NETWORK, { id: owner.id }, viewer.token);
    expect(res.errors).toBeUndefined();
    return res.data!.person;
  };

  it('lists a mutual connection only where the viewer may learn its edge with the other person', async () => {
    const [viewer, owner] = [await newPerson(t, { name: 'Viewer' }), await newPerson(t, { name: 'Owner' })];
    const [open, closed, friendsOnly] = [
      await newPerson(t, { name: 'Open' }),
      await newPerson(t, { name: 'Closed' }),
      await newPerson(t, { name: 'FriendsOnly' }),
    ];
    for (const shared of [open, closed, friendsOnly]) {
      await connect(viewer, shared);
      await connect(shared, owner);
    }
    await settings(owner, { connectionsVisibility: 'ONLY_ME' });
    await settings(closed, { connectionsVisibility: 'ONLY_ME' });
    // The viewer is connected to FriendsOnly, so FriendsOnly's CONNECTIONS setting lets the viewer see.
    await settings(friendsOnly, { connectionsVisibility: 'CONNECTIONS' });

    const page = await mutual(viewer, owner);
    expect(namesOf(page)).toEqual(['FriendsOnly', 'Open']);
    expect(page.totalCount).toBe(2);
    // The owner sees all three: every edge is the owner's own.
    expect((await mutual(owner, viewer)).totalCount).toBe(3);

    // Once the owner shows connections to everyone, every shared connection may be listed.
    await settings(owner, { connectionsVisibility: 'EVERYONE' });
    expect(namesOf(await mutual(viewer, owner))).toEqual(['Closed', 'FriendsOnly', 'Open']);
  });

  it('hides an owner’s list and count by their setting, yet the same edge shows from the side that allows it', async () => {
    const [viewer, owner, open] = [await newPerson(t), await newPerson(t), await newPerson(t, { name: 'Open' })];
    await connect(owner, open);
    await settings(owner, { connectionsVisibility: 'ONLY_ME' });
    expect(await network(viewer, owner)).toEqual({ connectionCount: null, connections: null });
    expect(await network(viewer, open)).toEqual({
      connectionCount: 1,
      connections: { totalCount: 1, edges: [{ node: { name: expect.any(String) } }] },
    });
  });

  it('neither lists nor counts a connection the viewer is blocked with, either way', async () => {
    const [viewer, owner] = [await newPerson(t), await newPerson(t)];
    const [kept, blockedByViewer, blockerOfViewer] = [
      await newPerson(t, { name: 'Kept' }),
      await newPerson(t, { name: 'BlockedByViewer' }),
      await newPerson(t, { name: 'BlockerOfViewer' }),
    ];
    for (const c of [kept, blockedByViewer, blockerOfViewer]) await connect(owner, c);
    await block(viewer, blockedByViewer);
    await block(blockerOfViewer, viewer);
    const seen = await network(viewer, owner);
    expect(seen).toEqual({ connectionCount: 1, connections: { totalCount: 1, edges: [{ node: { name: 'Kept' } }] } });
    // Someone else still sees all three.
    expect((await network(await newPerson(t), owner)).connectionCount).toBe(3);
  });
});
