import { Client } from 'graphql-ws';
import { newPerson, TestPerson } from './support/factories.js';
import { connected, listen, listenOn, NOTIFICATION_FIELDS, within, wsClient } from './support/notifications-helpers.js';
import { REQUEST } from './support/network-helpers.js';
import { createTestApp, TestApp } from './support/test-app.js';
import { CONFIRM, RECORD, REJECT, STEEL, tradeHelpers } from './support/trades-helpers.js';

const NOTIFICATIONS = `query Notifications($unreadOnly: Boolean, $first: Int, $after: String) {
  notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
    totalCount edges { node { ${NOTIFICATION_FIELDS} } } pageInfo { hasNextPage endCursor }
  }
}`;
const DELETE_ACCOUNT = 'mutation Delete($password: String!) { deleteAccount(password: $password) }';
const UNREAD_COUNT = 'query { unreadNotificationCount }';
const MARK_READ = 'mutation Mark($ids: [ID!]) { markNotificationsRead(ids: $ids) }';
const REFER = `mutation Refer($input: ReferSupplierInput!) { referSupplier(input: $input) { id } }`;

describe('notifications', () => {
  let t: TestApp;
  let wsUrl: string;
  const { newSides, recordInput } = tradeHelpers(() => t);

  beforeAll(async () => {
    t = await createTestApp();
    wsUrl = await listenOn(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const connect = (a: TestPerson, b: TestPerson) =>
    t.neo4j.write(
      'MATCH (a:Person {id: $a}), (b:Person {id: $b}) CREATE (a)-[:CONNECTED_TO {since: datetime()}]->(b)',
      {
        a: a.id,
        b: b.id,
      },
    );
  const notificationsOf = async (person: TestPerson, variables: Record<string, unknown> = {}) => {
    const res = await t.gql(NOTIFICATIONS, variables, person.token);
    expect(res.errors).toBeUndefined();
    return res.data!.notifications;
  };
  const nodesOf = async (person: TestPerson, variables: Record<string, unknown> = {}) =>
    (await notificationsOf(person, variables)).edges.map((edge: any) => edge.node);
  const unreadCount = async (person: TestPerson) =>
    (await t.gql(UNREAD_COUNT, {}, person.token)).data!.unreadNotificationCount;
  const requestConnection = async (from: TestPerson, to: TestPerson) => {
    const res = await t.gql(REQUEST, { personId: to.id }, from.token);
    expect(res.errors).toBeUndefined();
    return res.data!.requestConnection.id as string;
  };

  describe('stored notifications', () => {
    it('tells the recipient of a connection request who asked, about which request', async () => {
      const ada = await newPerson(t, { name: 'Ada Sender' });
      const bob = await newPerson(t, { name: 'Bob Recipient' });
      const requestId = await requestConnection(ada, bob);

      expect(await nodesOf(bob)).toEqual([
        {
          id: expect.any(String),
          kind: 'CONNECTION_REQUEST_RECEIVED',
          createdAt: expect.any(String),
          readAt: null,
          subjectId: requestId,
          summary: 'Ada Sender wants to connect with you',
          actor: { id: ada.id, name: 'Ada Sender' },
        },
      ]);
      // The sender is not notified of their own action.
      expect(await nodesOf(ada)).toEqual([]);
    });

    it('tells every current member of the supplier that a trade waits for confirmation, and no one else', async () => {
      const sides = await newSides();
      const res = await t.gql(RECORD, { input: recordInput(sides) }, sides.buyerMember.token);
      expect(res.errors).toBeUndefined();
      const tradeId = res.data!.recordTrade.id;

      for (const member of [sides.supplierAdmin, sides.supplierMember]) {
        expect(await nodesOf(member)).toEqual([
          expect.objectContaining({
            kind: 'TRADE_RECORDED',
            subjectId: tradeId,
            actor: { id: sides.buyerMember.id, name: 'Buyer member' },
            summary: expect.stringMatching(/^Buyer member recorded a trade with your organization/),
          }),
        ]);
      }
      for (const other of [sides.endedSupplierMember, sides.pendingSupplierMember, sides.outsider, sides.buyerAdmin]) {
        expect(await nodesOf(other)).toEqual([]);
      }
    });

    it('tells a person about a supplier referred to them', async () => {
      const sides = await newSides();
      const sender = await newPerson(t, { name: 'Referrer' });
      const recipient = await newPerson(t, { name: 'Referred to' });
      await connect(sender, recipient);
      const res = await t.gql(
        REFER,
        { input: { toPersonId: recipient.id, supplierId: sides.supplier.id, categoryId: STEEL } },
        sender.token,
      );
      expect(res.errors).toBeUndefined();

      expect(await nodesOf(recipient)).toEqual([
        expect.objectContaining({
          kind: 'REFERRAL_RECEIVED',
          subjectId: res.data!.referSupplier.id,
          summary: 'Referrer referred a supplier to you',
          actor: { id: sender.id, name: 'Referrer' },
        }),
      ]);
    });

    it('tells the recorder when the supplier confirms or rejects their trade', async () => {
      const sides = await newSides();
      const tradeIds: string[] = [];
      for (let i = 0; i < 2; i++) {
        const res = await t.gql(RECORD, { input: recordInput(sides) }, sides.buyerMember.token);
        expect(res.errors).toBeUndefined();
        tradeIds.push(res.data!.recordTrade.id);
      }
      const [confirmed, rejected] = tradeIds;
      expect((await t.gql(CONFIRM, { tradeId: confirmed }, sides.supplierMember.token)).errors).toBeUndefined();
      expect((await t.gql(REJECT, { tradeId: rejected }, sides.supplierAdmin.token)).errors).toBeUndefined();

      expect(await nodesOf(sides.buyerMember)).toEqual([
        expect.objectContaining({
          kind: 'TRADE_REJECTED',
          subjectId: rejected,
          actor: { id: sides.supplierAdmin.id, name: 'Supplier admin' },
        }),
        expect.objectContaining({
          kind: 'TRADE_CONFIRMED',
          subjectId: confirmed,
          summary: 'Supplier member confirmed the trade you recorded',
        }),
      ]);
    });

    it('leaves nothing behind when the recipient or the actor deletes their account', async () => {
      const leaver = await newPerson(t);
      const stayer = await newPerson(t);
      await requestConnection(leaver, stayer);
      await requestConnection(await newPerson(t), leaver);
      const res = await t.gql(DELETE_ACCOUNT, { password: leaver.password }, leaver.token);
      expect(res.errors).toBeUndefined();

      expect(await nodesOf(stayer)).toEqual([]);
      const [row] = await t.neo4j.read<{ n: number }>(
        'MATCH (n:Notification) WHERE n.actorId = $id OR NOT EXISTS { ()-[:HAS_NOTIFICATION]->(n) } RETURN count(n) AS n',
        { id: leaver.id },
      );
      expect(row.n).toBe(0);
    });

    it('lists newest first, pages, and filters unread ones', async () => {
      const me = await newPerson(t);
      const senders = [await newPerson(t, { name: 'First' }), await newPerson(t, { name: 'Second' })];
      senders.push(await newPerson(t, { name: 'Third' }));
      for (const sender of senders) await requestConnection(sender, me);

      const page = await notificationsOf(me, { first: 2 });
      expect(page.totalCount).toBe(3);
      expect(page.edges.map((edge: any) => edge.node.actor.name)).toEqual(['Third', 'Second']);
      expect(page.pageInfo.hasNextPage).toBe(true);
      const rest = await notificationsOf(me, { first: 2, after: page.pageInfo.endCursor });
      expect(rest.edges.map((edge: any) => edge.node.actor.name)).toEqual(['First']);

      const newest = page.edges[0].node;
      expect((await t.gql(MARK_READ, { ids: [newest.id] }, me.token)).data).toEqual({ markNotificationsRead: 1 });
      const unread = await notificationsOf(me, { unreadOnly: true });
      expect(unread.totalCount).toBe(2);
      expect(unread.edges.map((edge: any) => edge.node.actor.name)).toEqual(['Second', 'First']);
      const all = await nodesOf(me);
      expect(all[0]).toMatchObject({ id: newest.id, readAt: expect.any(String) });
    });
  });

  describe('markNotificationsRead and unreadNotificationCount', () => {
    it('marks the given ones, counts only what changed, and then all the rest when ids is omitted', async () => {
      const me = await newPerson(t);
      for (let i = 0; i < 3; i++) await requestConnection(await newPerson(t), me);
      expect(await unreadCount(me)).toBe(3);
      const [first, second] = await nodesOf(me);

      expect((await t.gql(MARK_READ, { ids: [first.id, second.id] }, me.token)).data!.markNotificationsRead).toBe(2);
      expect(await unreadCount(me)).toBe(1);
      // Already read: nothing changes.
      expect((await t.gql(MARK_READ, { ids: [first.id] }, me.token)).data!.markNotificationsRead).toBe(0);
      expect((await t.gql(MARK_READ, {}, me.token)).data!.markNotificationsRead).toBe(1);
      expect(await unreadCount(me)).toBe(0);
      expect((await t.gql(MARK_READ, {}, me.token)).data!.markNotificationsRead).toBe(0);
    });

    it("never touches another person's notifications", async () => {
      const me = await newPerson(t);
      const other = await newPerson(t);
      await requestConnection(me, other);
      const [theirs] = await nodesOf(other);

      expect((await t.gql(MARK_READ, { ids: [theirs.id] }, me.token)).data!.markNotificationsRead).toBe(0);
      expect((await t.gql(MARK_READ, {}, me.token)).data!.markNotificationsRead).toBe(0);
      expect(await unreadCount(other)).toBe(1);
      expect((await nodesOf(other))[0].readAt).toBeNull();
    });

    it('needs an access token', async () => {
      for (const query of [NOTIFICATIONS, UNREAD_COUNT, MARK_READ]) {
        const res = await t.gql(query);
        expect([query, res.errors?.[0]?.extensions.code]).toEqual([query, 'UNAUTHENTICATED']);
      }
    });
  });

  describe('notificationAdded over graphql-ws', () => {
    const clients: Client[] = [];
    afterEach(async () => {
      await Promise.all(clients.splice(0).map((client) => client.dispose()));
    });
    const open = (params: Record<string, unknown>) => {
      const client = wsClient(wsUrl, params);
      clients.push(client);
      return client;
    };

    it('refuses a connection without a valid access token', async () => {
      for (const params of [{}, { authorization: 'Bearer not-a-token' }, { accessToken: 'garbage' }]) {
        const client = open(params);
        const { closed } = listen(client);
        const event = (await within(5000, closed)) as { code?: number };
        expect([params, event?.code]).toEqual([params, 4403]);
      }
    });

    it('delivers my new notification to me within a second, and not one meant for someone else', async () => {
      const me = await newPerson(t, { name: 'Listener' });
      const other = await newPerson(t);
      const sender = await newPerson(t, { name: 'Live sender' });
      const client = open({ authorization: `Bearer ${me.token}` });
      const isConnected = connected(client);
      const stream = listen(client);
      await isConnected;
      // The subscription is registered right after the acknowledgement; give it its turn.
      await new Promise((resolve) => setTimeout(resolve, 100));

      await requestConnection(sender, other);
      const requestId = await requestConnection(sender, me);
      const event = await within(1000, stream.first);

      expect(event).toEqual({
        data: {
          notificationAdded: expect.objectContaining({
            kind: 'CONNECTION_REQUEST_RECEIVED',
            subjectId: requestId,
            summary: 'Live sender wants to connect with you',
            actor: { id: sender.id, name: 'Live sender' },
          }),
        },
      });
      expect(stream.received).toHaveLength(1);
    });

    it('accepts the token as { accessToken } too', async () => {
      const me = await newPerson(t);
      const client = open({ accessToken: me.token });
      const isConnected = connected(client);
      listen(client);
      await expect(isConnected).resolves.toBeUndefined();
    });
  });
});
