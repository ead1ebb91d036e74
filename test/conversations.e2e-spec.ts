import { newPerson, TestPerson } from './support/factories.js';
import {
  conversationHelpers,
  DELETE_MESSAGE,
  EDIT,
  LEAVE,
  MARK_READ,
  MUTE,
  ok,
} from './support/conversations-helpers.js';
import { DELETE } from './support/session-helpers.js';
import { createTestApp, onlyError, TestApp } from './support/test-app.js';
import { graphTraces, sqlTraces } from './support/trace-search.js';

/** Participant ids in id order, the hidden (null) ones last. */
const ids = (people: ({ id: string } | null)[]) =>
  people.map((p) => p?.id ?? null).sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));

describe('conversations', () => {
  let t: TestApp;
  const h = conversationHelpers(() => t);
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const expectRefused = async (from: TestPerson, others: { id: string }[]) => {
    const error = onlyError(await h.startVia(from, others));
    expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.participantIds' });
    return error.message;
  };

  describe('who may start one', () => {
    it('lets connections talk, with a subject and the first message, both seeing it', async () => {
      const [ada, bob] = await h.connectedPair();
      const started = await h.start(ada, [bob], 'Hi Bob', 'Steel');
      expect(started).toMatchObject({ subject: 'Steel', unreadCount: 0, muted: false });
      expect(ids(started.participants)).toEqual([ada.id, bob.id].sort());
      expect(started.lastMessage).toMatchObject({
        text: 'Hi Bob',
        sender: { id: ada.id },
        editedAt: null,
        deleted: false,
      });

      const seen = ok(await h.conversation(bob, started.id), 'conversation');
      expect(seen.unreadCount).toBe(1);
      expect(seen.messages.edges.map((e: any) => e.node.text)).toEqual(['Hi Bob']);
    });

    it('lets people introduced by an accepted introduction talk, even after they disconnect', async () => {
      const [requester, middle, target] = await Promise.all([newPerson(t), newPerson(t), newPerson(t)]);
      await h.introduce(requester, middle, target);
      ok(await h.removeVia(target, requester), 'removeConnection');
      const conversation = await h.start(target, [requester], 'Nice to meet you');
      expect(ids(conversation.participants)).toEqual([target.id, requester.id].sort());
    });

    it('refuses strangers, a second-degree contact, yourself, unknown ids and more than 9 others, alike', async () => {
      const [ada, bob] = await h.connectedPair();
      const [stranger, friendOfBob] = await Promise.all([newPerson(t), newPerson(t)]);
      await h.connect(bob, friendOfBob);
      const message = await expectRefused(ada, [stranger]);
      expect(await expectRefused(ada, [friendOfBob])).toBe(message);
      expect(await expectRefused(ada, [bob, stranger])).toBe(message);
      expect(await expectRefused(ada, [{ id: 'no-such-person' }])).toBe(message);
      expect(onlyError(await h.startVia(ada, [ada])).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.participantIds',
      });
      const ten = Array.from({ length: 10 }, (_, i) => ({ id: `person-${i}` }));
      expect(onlyError(await h.startVia(ada, ten)).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(onlyError(await h.startVia(ada, [])).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(onlyError(await h.startVia(ada, [bob], 'x'.repeat(10_001))).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.text',
      });
      expect((await t.gql(`query { me { conversations { totalCount } } }`, {}, stranger.token)).data!.me).toEqual({
        conversations: { totalCount: 0 },
      });
    });

    it('refuses a blocked connection, either way, exactly like a stranger', async () => {
      const [ada, bob] = await h.connectedPair();
      const [carol] = [await newPerson(t)];
      await h.connect(ada, carol);
      const strangerMessage = await expectRefused(ada, [await newPerson(t)]);
      await h.block(bob, ada);
      expect(await expectRefused(ada, [bob])).toBe(strangerMessage);
      expect(await expectRefused(bob, [ada])).toBe(strangerMessage);
      await h.block(ada, carol);
      expect(await expectRefused(carol, [ada])).toBe(strangerMessage);
    });
  });

  describe('messages', () => {
    it('pages newest first with `before`, and lists conversations by newest activity with unread counts', async () => {
      const [ada, bob] = await h.connectedPair();
      const carol = await newPerson(t);
      await h.connect(ada, carol);
      const withBob = await h.start(ada, [bob], 'm1');
      const withCarol = await h.start(ada, [carol], 'c1');
      for (const text of ['m2', 'm3', 'm4', 'm5']) await h.send(ada, withBob.id, text);

      const first = ok(await h.conversation(bob, withBob.id, 2), 'conversation').messages;
      expect(first.edges.map((e: any) => e.node.text)).toEqual(['m5', 'm4']);
      expect(first).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true, hasPreviousPage: false } });
      const second = ok(await h.conversation(bob, withBob.id, 2, first.pageInfo.endCursor), 'conversation').messages;
      expect(second.edges.map((e: any) => e.node.text)).toEqual(['m3', 'm2']);
      expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
      const last = ok(await h.conversation(bob, withBob.id, 2, second.pageInfo.endCursor), 'conversation').messages;
      expect(last.edges.map((e: any) => e.node.text)).toEqual(['m1']);
      expect(last.pageInfo.hasNextPage).toBe(false);
      expect(onlyError(await h.conversation(bob, withBob.id, 2, 'garbage')).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
      });

      // Ada's list: Bob's conversation moved up with its newer messages.
      const adas = await h.mine(ada);
      expect(adas.edges.map((e: any) => e.node.id)).toEqual([withBob.id, withCarol.id]);
      expect(adas.edges.map((e: any) => e.node.unreadCount)).toEqual([0, 0]);
      await h.send(carol, withCarol.id, 'c2');
      const paged = await h.mine(ada, { first: 1 });
      expect(paged.edges.map((e: any) => e.node.id)).toEqual([withCarol.id]);
      expect(paged).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
      const next = await h.mine(ada, { first: 1, after: paged.pageInfo.endCursor });
      expect(next.edges.map((e: any) => e.node.id)).toEqual([withBob.id]);
      expect((await h.mine(ada, { unreadOnly: true })).edges).toEqual([
        { node: expect.objectContaining({ id: withCarol.id, unreadCount: 1 }) },
      ]);

      expect(ok(await h.as(bob, MARK_READ, { id: withBob.id }), 'markConversationRead').unreadCount).toBe(0);
      expect((await h.mine(bob, { unreadOnly: true })).totalCount).toBe(0);
      expect(onlyError(await h.conversation(bob, withCarol.id)).extensions.code).toBe('NOT_FOUND');
    });

    it('notifies once per conversation until it is read, and not while muted', async () => {
      const [ada, bob] = await h.connectedPair();
      const conversation = await h.start(ada, [bob], 'one');
      await h.send(ada, conversation.id, 'two');
      await h.send(ada, conversation.id, 'three');
      expect(await h.notificationsAbout(bob, conversation.id)).toEqual([
        {
          kind: 'MESSAGE_RECEIVED',
          subjectId: conversation.id,
          readAt: null,
          summary: `${ada.name} sent you a message`,
        },
      ]);
      expect(await h.notificationsAbout(ada, conversation.id)).toEqual([]);

      ok(await h.as(bob, MARK_READ, { id: conversation.id }), 'markConversationRead');
      expect((await h.notificationsAbout(bob, conversation.id))[0].readAt).not.toBeNull();
      await h.send(ada, conversation.id, 'four');
      await h.send(ada, conversation.id, 'five');
      expect(await h.notificationsAbout(bob, conversation.id)).toHaveLength(2);

      ok(await h.as(bob, MARK_READ, { id: conversation.id }), 'markConversationRead');
      expect(ok(await h.as(bob, MUTE, { id: conversation.id, muted: true }), 'muteConversation').muted).toBe(true);
      await h.send(ada, conversation.id, 'six');
      expect(await h.notificationsAbout(bob, conversation.id)).toHaveLength(2);
      expect(ok(await h.conversation(bob, conversation.id), 'conversation').unreadCount).toBe(1);
    });

    it('lets the sender edit and delete within 15 minutes, nobody else, and not later', async () => {
      const [ada, bob] = await h.connectedPair();
      const conversation = await h.start(ada, [bob], 'Typo');
      const message = conversation.lastMessage;
      const edited = ok(await h.as(ada, EDIT, { input: { messageId: message.id, text: 'Fixed' } }), 'editMessage');
      expect(edited).toMatchObject({ text: 'Fixed', editedAt: expect.any(String) });
      expect(onlyError(await h.as(bob, EDIT, { input: { messageId: message.id, text: 'Mine' } })).extensions.code).toBe(
        'NOT_FOUND',
      );
      expect(onlyError(await h.as(bob, DELETE_MESSAGE, { id: message.id })).extensions.code).toBe('NOT_FOUND');
      const deleted = ok(await h.as(ada, DELETE_MESSAGE, { id: message.id }), 'deleteMessage');
      expect(deleted).toMatchObject({ text: 'message deleted', deleted: true });
      expect(ok(await h.conversation(bob, conversation.id), 'conversation').lastMessage.text).toBe('message deleted');

      const old = await h.send(ada, conversation.id, 'Old news');
      await t.sql.getRepository('MessageRow').update({ id: old.id }, { sentAt: new Date(Date.now() - 16 * 60_000) });
      expect(onlyError(await h.as(ada, EDIT, { input: { messageId: old.id, text: 'New' } })).extensions.code).toBe(
        'FORBIDDEN',
      );
      expect(onlyError(await h.as(ada, DELETE_MESSAGE, { id: old.id })).extensions.code).toBe('FORBIDDEN');
    });

    it('stops showing a conversation to a person who left, and stops notifying them', async () => {
      const [ada, bob] = await h.connectedPair();
      const carol = await newPerson(t);
      await h.connect(ada, carol);
      const group = await h.start(ada, [bob, carol], 'All of us');
      expect(ok(await h.as(bob, LEAVE, { id: group.id }), 'leaveConversation')).toBe(true);
      await h.send(ada, group.id, 'Bob is gone');
      expect(onlyError(await h.conversation(bob, group.id)).extensions.code).toBe('NOT_FOUND');
      expect(
        onlyError(
          await h.as(bob, `mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }`, {
            input: { conversationId: group.id, text: 'back?' },
          }),
        ).extensions,
      ).toMatchObject({ code: 'NOT_FOUND', field: 'input.conversationId' });
      expect((await h.mine(bob)).totalCount).toBe(0);
      expect((await h.notificationsAbout(bob, group.id)).map((n: any) => n.readAt)).toEqual([null]);
      const seen = ok(await h.conversation(carol, group.id), 'conversation');
      expect(ids(seen.participants)).toEqual([ada.id, carol.id].sort());
    });

    it('ends delivery on a block without telling the sender: the blocker sees and counts nothing new', async () => {
      const [ada, bob] = await h.connectedPair();
      const conversation = await h.start(ada, [bob], 'Before');
      ok(await h.as(bob, MARK_READ, { id: conversation.id }), 'markConversationRead');
      await h.block(bob, ada);
      const sent = await h.send(ada, conversation.id, 'After the block');
      expect(sent.text).toBe('After the block');
      const seen = ok(await h.conversation(bob, conversation.id), 'conversation');
      expect(seen.unreadCount).toBe(0);
      // The blocked person is left out rather than shown as null, so a third participant learns nothing either.
      expect(ids(seen.participants)).toEqual([bob.id]);
      expect(seen.messages.edges).toEqual([]);
      expect(seen.lastMessage).toBeNull();
      expect((await h.notificationsAbout(bob, conversation.id)).filter((n: any) => n.readAt === null)).toEqual([]);
      // The blocked sender no longer sees the blocker's new messages either.
      await h.send(bob, conversation.id, 'Unseen');
      expect(
        ok(await h.conversation(ada, conversation.id), 'conversation').messages.edges.map((e: any) => e.node.text),
      ).toEqual(['After the block', 'Before']);
    });
  });

  describe('account deletion', () => {
    it('removes the text of their messages and their participation, keeping the others’ conversation', async () => {
      const [leaver, friend] = await h.connectedPair();
      const other = await newPerson(t);
      await h.connect(leaver, other);
      const trace = `secret-${Math.random().toString(36).slice(2)}`;
      const group = await h.start(leaver, [friend, other], `Hello ${trace}`, `Subject ${trace}`);
      await h.send(friend, group.id, 'Reply from a friend');
      await h.send(leaver, group.id, `Second ${trace}`);
      const pair = await h.start(friend, [leaver], 'Just us');
      await h.send(leaver, pair.id, `Only to you ${trace}`);
      const supplierOwner = await newPerson(t);
      const { id: supplierId } = ok(
        await h.as(
          supplierOwner,
          `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
          { input: { name: 'Supplier of steel', country: 'DE', roles: ['SUPPLIER'], creatorTitle: 'Owner' } },
        ),
        'createOrganization',
      );
      ok(
        await h.as(leaver, `mutation($input: SendInquiryInput!) { sendInquiry(input: $input) { id } }`, {
          input: { supplierId, subject: `Inquiry ${trace}`, text: `Question ${trace}` },
        }),
        'sendInquiry',
      );
      const needles = [leaver.id, trace];
      expect((await sqlTraces(t, needles)).length).toBeGreaterThan(0);

      ok(await t.gql(DELETE, { password: leaver.password }, leaver.token), 'deleteAccount');
      expect(await sqlTraces(t, needles)).toEqual([]);
      expect(await graphTraces(t, needles)).toEqual([]);

      const seen = ok(await h.conversation(friend, group.id), 'conversation');
      expect(seen.subject).toBeNull();
      expect(ids(seen.participants)).toEqual([friend.id, other.id].sort());
      expect(seen.messages.edges.map((e: any) => [e.node.sender?.id ?? null, e.node.text, e.node.deleted])).toEqual([
        [null, 'message deleted', true],
        [friend.id, 'Reply from a friend', false],
        [null, 'message deleted', true],
      ]);
      const alone = ok(await h.conversation(friend, pair.id), 'conversation');
      expect(ids(alone.participants)).toEqual([friend.id]);
      expect(alone.lastMessage).toMatchObject({ sender: null, text: 'message deleted' });
    });
  });
});
