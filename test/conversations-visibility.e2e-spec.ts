import { Client } from 'graphql-ws';
import { newPerson, TestPerson } from './support/factories.js';
import { conversationHelpers, LEAVE, listenToMessages, MARK_READ, ok } from './support/conversations-helpers.js';
import { connected, listen, listenOn, within, wsClient } from './support/notifications-helpers.js';
import { createTestApp, TestApp } from './support/test-app.js';

const LISTED = `query Mine($first: Int, $after: String) { me {
  conversations(first: $first, after: $after) { totalCount
    edges { node { id lastActivityAt unreadCount lastMessage { id } } } pageInfo { hasNextPage endCursor } }
} }`;

/** What a block or a departure must not let through: messages and notifications a person may not see. */
describe('conversations: what a block or leaving keeps from a person', () => {
  let t: TestApp;
  let url: string;
  const clients: Client[] = [];
  const h = conversationHelpers(() => t);
  beforeAll(async () => {
    t = await createTestApp();
    url = await listenOn(t);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await t.close();
  });

  const listed = async (viewer: TestPerson, variables: Record<string, unknown> = {}) =>
    ok(await h.as(viewer, LISTED, variables), 'me').conversations;
  const order = async (viewer: TestPerson) =>
    (await listed(viewer)).edges.map((e: any) => [e.node.id, e.node.lastActivityAt]);

  /** Live listeners of `who`: every new message, one conversation's, and notifications. */
  const subscribe = async (who: TestPerson, conversationId: string) => {
    const client = wsClient(url, { authorization: `Bearer ${who.token}` });
    clients.push(client);
    const isConnected = connected(client);
    const streams = {
      all: listenToMessages(client),
      one: listenToMessages(client, conversationId),
      notifications: listen(client),
    };
    await isConnected;
    await new Promise((resolve) => setTimeout(resolve, 100));
    return streams;
  };

  /** A group of Ada (who started it) with Bob and Carol, all three connected. */
  const group = async () => {
    const [ada, bob] = await h.connectedPair();
    const carol = await newPerson(t);
    await h.connect(ada, carol);
    await h.connect(bob, carol);
    const conversation = await h.start(ada, [bob, carol], 'All of us');
    return { ada, bob, carol, conversation };
  };
  /** The group, read by Bob and Carol: a new message notifies them again. */
  const readGroup = async () => {
    const made = await group();
    for (const who of [made.bob, made.carol]) {
      ok(await h.as(who, MARK_READ, { id: made.conversation.id }), 'markConversationRead');
    }
    return made;
  };

  describe('the order and time of the viewer’s conversations', () => {
    it('does not move a conversation up, nor change its time, for a message of someone blocked with the viewer', async () => {
      const [ada, bob] = await h.connectedPair();
      const carol = await newPerson(t);
      await h.connect(bob, carol);
      const withAda = await h.start(ada, [bob], 'Hi Bob');
      const reply = await h.send(bob, withAda.id, 'Hi Ada');
      const withCarol = await h.start(carol, [bob], 'Hi from Carol');
      const before = await order(bob);
      expect(before.map(([id]: string[]) => id)).toEqual([withCarol.id, withAda.id]);
      expect(before[1][1]).toBe(reply.sentAt);

      await h.block(ada, bob);
      const hidden = await h.send(ada, withAda.id, 'Sent after the block');
      // Bob sees no new message, so nothing about the conversation may change for him.
      expect(await order(bob)).toEqual(before);
      const firstPage = await listed(bob, { first: 1 });
      expect(firstPage.edges.map((e: any) => e.node.id)).toEqual([withCarol.id]);
      const secondPage = await listed(bob, { first: 1, after: firstPage.pageInfo.endCursor });
      expect(secondPage.edges).toEqual([
        { node: { id: withAda.id, lastActivityAt: reply.sentAt, unreadCount: 0, lastMessage: { id: reply.id } } },
      ]);
      expect(secondPage.pageInfo.hasNextPage).toBe(false);
      expect(ok(await h.conversation(bob, withAda.id), 'conversation')).toMatchObject({
        unreadCount: 0,
        lastMessage: { id: reply.id },
      });

      // The sender sees their own message, and the conversation moved up for them.
      const adas = await listed(ada);
      expect(adas.edges[0].node).toMatchObject({
        id: withAda.id,
        lastActivityAt: hidden.sentAt,
        lastMessage: { id: hidden.id },
      });

      // A message Bob may see moves it up again.
      await h.send(bob, withAda.id, 'Still there?');
      expect((await order(bob)).map(([id]: string[]) => id)).toEqual([withAda.id, withCarol.id]);
    });
  });

  describe('one notification per conversation until read, among the ones the recipient may see', () => {
    it('lets a group member be notified of others’ messages after blocking the one whose notification was unread', async () => {
      const { ada, bob, carol, conversation } = await group();
      expect((await h.notificationsAbout(bob, conversation.id)).map((n: any) => n.summary)).toEqual([
        `${ada.name} sent you a message`,
      ]);
      await h.block(bob, ada);
      // Ada's unread notification is hidden from Bob now: it must not hold back Carol's.
      expect(await h.notificationsAbout(bob, conversation.id)).toEqual([]);
      await h.send(carol, conversation.id, 'Carol here');
      await h.send(carol, conversation.id, 'Carol again');
      expect(await h.notificationsAbout(bob, conversation.id)).toEqual([
        {
          kind: 'MESSAGE_RECEIVED',
          subjectId: conversation.id,
          readAt: null,
          summary: `${carol.name} sent you a message`,
        },
      ]);
      // And Bob can clear what he is shown.
      const read = `mutation { markNotificationsRead }`;
      expect(ok(await h.as(bob, read), 'markNotificationsRead')).toBeGreaterThan(0);
      expect((await h.notificationsAbout(bob, conversation.id)).map((n: any) => n.readAt)).toEqual([
        expect.any(String),
      ]);
      const unread = `query { notifications(unreadOnly: true) { totalCount } }`;
      expect(ok(await h.as(bob, unread), 'notifications')).toEqual({ totalCount: 0 });
    });
  });

  describe('live delivery', () => {
    it('delivers nothing to a participant who left, and refuses them a subscription to it', async () => {
      const { ada, bob, carol, conversation } = await readGroup();
      const bobs = await subscribe(bob, conversation.id);
      const carols = await subscribe(carol, conversation.id);
      ok(await h.as(bob, LEAVE, { id: conversation.id }), 'leaveConversation');
      const message = await h.send(ada, conversation.id, 'After Bob left');
      expect(await within(2000, carols.one.first)).toMatchObject({ data: { messageAdded: { id: message.id } } });
      expect(await within(2000, carols.notifications.first)).toMatchObject({
        data: { notificationAdded: { subjectId: conversation.id } },
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(bobs.all.received).toEqual([]);
      expect(bobs.one.received).toEqual([]);
      expect(bobs.notifications.received).toEqual([]);

      const client = wsClient(url, { authorization: `Bearer ${bob.token}` });
      clients.push(client);
      const refused = listenToMessages(client, conversation.id);
      await within(2000, refused.done);
      expect(refused.errors).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
      ]);
    });

    it('delivers nothing from a sender blocked after the subscription started, either way', async () => {
      const { ada, bob, carol, conversation } = await readGroup();
      const bobs = await subscribe(bob, conversation.id);
      const carols = await subscribe(carol, conversation.id);
      await h.block(ada, bob);
      const fromAda = await h.send(ada, conversation.id, 'Not for Bob');
      expect(await within(2000, carols.one.first)).toMatchObject({ data: { messageAdded: { id: fromAda.id } } });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const fromBob = await h.send(bob, conversation.id, 'Not for Ada');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(bobs.all.received.map((m: any) => m.id)).toEqual([fromBob.id]);
      expect(bobs.one.received.map((m: any) => m.id)).toEqual([fromBob.id]);
      expect(bobs.notifications.received).toEqual([]);
      expect(carols.all.received.map((m: any) => m.id)).toEqual([fromAda.id, fromBob.id]);
    });
  });
});
