import { Client } from 'graphql-ws';
import { PubSubEngine } from 'graphql-subscriptions';
import { NOTIFICATION_ADDED, NotificationKind, PUB_SUB } from '#tradegraph/notifications';
import { endorsementHelpers, STEEL } from './support/endorsements-helpers.js';
import { newEmployment, newPerson, TestPerson } from './support/factories.js';
import { connected, listen, listenOn, NOTIFICATION_FIELDS, wsClient } from './support/notifications-helpers.js';
import { createTestApp, TestApp } from './support/test-app.js';

const BLOCK = `mutation Block($personId: ID!) { blockPerson(personId: $personId) }`;
const UNBLOCK = `mutation Unblock($personId: ID!) { unblockPerson(personId: $personId) }`;
const NOTIFICATIONS = `query { notifications { totalCount edges { node { ${NOTIFICATION_FIELDS} } } } unreadNotificationCount }`;
const MARK_READ = 'mutation Mark($ids: [ID!]) { markNotificationsRead(ids: $ids) }';

/** No notification crosses a block: none is stored, none listed, none delivered live. */
describe('blocking and notifications', () => {
  let t: TestApp;
  let wsUrl: string;
  const { endorsed, newSupplier } = endorsementHelpers(() => t);
  beforeAll(async () => {
    t = await createTestApp();
    wsUrl = await listenOn(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const block = async (actor: TestPerson, other: TestPerson) =>
    expect((await t.gql(BLOCK, { personId: other.id }, actor.token)).data).toEqual({ blockPerson: true });
  const unblock = async (actor: TestPerson, other: TestPerson) =>
    expect((await t.gql(UNBLOCK, { personId: other.id }, actor.token)).data).toEqual({ unblockPerson: true });
  const inbox = async (who: TestPerson) => {
    const res = await t.gql(NOTIFICATIONS, {}, who.token);
    expect(res.errors).toBeUndefined();
    const { notifications, unreadNotificationCount } = res.data!;
    return {
      total: notifications.totalCount,
      unread: unreadNotificationCount,
      nodes: notifications.edges.map((e: any) => e.node),
    };
  };
  const stored = async (who: TestPerson) =>
    (
      await t.neo4j.read<{ n: number }>(
        'MATCH (:Person {id: $id})-[:HAS_NOTIFICATION]->(n:Notification) RETURN count(n) AS n',
        { id: who.id },
      )
    )[0].n;
  /** A supplier with its admin and one more approved member, both told of every endorsement. */
  const supplierWithMembers = async () => {
    const { admin, supplier } = await newSupplier();
    const member = await newPerson(t, { name: 'Member' });
    await newEmployment(t, member, supplier, { approvedBy: admin });
    return { admin, member, supplier };
  };

  it('stores none for a recipient blocked either way with the actor; others are told as usual', async () => {
    const { admin, member, supplier } = await supplierWithMembers();
    const [blocked, blocker] = [await newPerson(t, { name: 'Blocked' }), await newPerson(t, { name: 'Blocker' })];
    await block(admin, blocked);
    await block(blocker, admin);
    await endorsed(blocked, { supplierId: supplier.id, categoryId: STEEL, rating: 5 });
    await endorsed(blocker, { supplierId: supplier.id, categoryId: STEEL, rating: 4 });

    expect(await stored(admin)).toBe(0);
    expect(await inbox(admin)).toEqual({ total: 0, unread: 0, nodes: [] });
    expect((await inbox(member)).nodes.map((n: any) => n.actor.id).sort()).toEqual([blocked.id, blocker.id].sort());
  });

  it('stops listing, counting and marking those of an actor blocked later; unblocking shows them again', async () => {
    const { admin, member, supplier } = await supplierWithMembers();
    const [ada, ben] = [await newPerson(t, { name: 'Ada' }), await newPerson(t, { name: 'Ben' })];
    await endorsed(ada, { supplierId: supplier.id, categoryId: STEEL, rating: 5 });
    await endorsed(ben, { supplierId: supplier.id, categoryId: STEEL, rating: 3 });
    const before = await inbox(admin);
    expect(before).toMatchObject({ total: 2, unread: 2 });
    const fromAda = before.nodes.find((n: any) => n.actor.id === ada.id);

    await block(ada, admin);
    const after = await inbox(admin);
    expect(after).toMatchObject({ total: 1, unread: 1 });
    expect(after.nodes.map((n: any) => n.actor.id)).toEqual([ben.id]);
    // Marking it read by id does nothing and says so; marking all counts only what is shown.
    expect((await t.gql(MARK_READ, { ids: [fromAda.id] }, admin.token)).data).toEqual({ markNotificationsRead: 0 });
    expect((await t.gql(MARK_READ, {}, admin.token)).data).toEqual({ markNotificationsRead: 1 });
    expect(await stored(admin)).toBe(2);
    // The member, who blocked no one, still sees both.
    expect((await inbox(member)).total).toBe(2);

    await unblock(ada, admin);
    const again = await inbox(admin);
    expect(again).toMatchObject({ total: 2, unread: 1 });
    expect(again.nodes.find((n: any) => n.id === fromAda.id)).toMatchObject({ readAt: null, actor: { id: ada.id } });
  });

  describe('notificationAdded over graphql-ws', () => {
    const clients: Client[] = [];
    afterEach(async () => {
      await Promise.all(clients.splice(0).map((client) => client.dispose()));
    });
    const subscribe = async (who: TestPerson) => {
      const client = wsClient(wsUrl, { authorization: `Bearer ${who.token}` });
      clients.push(client);
      const isConnected = connected(client);
      const stream = listen(client);
      await isConnected;
      // The subscription is registered right after the acknowledgement; give it its turn.
      await new Promise((resolve) => setTimeout(resolve, 100));
      return stream;
    };

    it('does not deliver a notification whose actor is blocked with the recipient', async () => {
      const { admin, supplier } = await supplierWithMembers();
      const [blocked, friendly] = [await newPerson(t, { name: 'Blocked' }), await newPerson(t, { name: 'Friendly' })];
      await block(admin, blocked);
      const stream = await subscribe(admin);

      await endorsed(blocked, { supplierId: supplier.id, categoryId: STEEL, rating: 1 });
      await endorsed(friendly, { supplierId: supplier.id, categoryId: STEEL, rating: 5 });
      const first = await stream.first;
      expect(first.data.notificationAdded.actor).toEqual({ id: friendly.id, name: 'Friendly' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(stream.received).toHaveLength(1);
    });

    it('checks again at delivery, for a block made after the notification was stored', async () => {
      const [recipient, actor, friendly] = [await newPerson(t), await newPerson(t), await newPerson(t)];
      await block(actor, recipient);
      const stream = await subscribe(recipient);
      const publish = (actorId: string, id: string) =>
        (t.app.get(PUB_SUB) as PubSubEngine).publish(NOTIFICATION_ADDED, {
          notificationAdded: {
            id,
            recipientId: recipient.id,
            kind: NotificationKind.REFERRAL_RECEIVED,
            createdAt: new Date(),
            readAt: null,
            actorId,
            subjectId: 'subject',
            summary: 'Someone referred a supplier to you',
          },
        });
      // As if stored just before the block, and published after it.
      await publish(actor.id, 'from-blocked');
      await publish(friendly.id, 'from-friendly');
      const first = await stream.first;
      expect(first.data.notificationAdded.id).toBe('from-friendly');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(stream.received).toHaveLength(1);
    });
  });
});
