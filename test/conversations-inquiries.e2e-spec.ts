import { Client } from 'graphql-ws';
import { ConversationParticipantRow, InquiryRow } from '#tradegraph/conversations';
import { newEmployment, newOrganization, newPerson, TestPerson } from './support/factories.js';
import {
  CLAIM,
  CLOSE,
  conversationHelpers,
  INBOX,
  listenToMessages,
  ok,
  SEND_INQUIRY,
} from './support/conversations-helpers.js';
import { connected, listenOn, within, wsClient } from './support/notifications-helpers.js';
import { createTestApp, onlyError, TestApp } from './support/test-app.js';

const STEEL = 'metals-steel';

describe('supplier inquiries and live answers', () => {
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

  /** A supplier with two current members: its founder and a colleague. */
  const supplier = async () => {
    const [founder, colleague] = await Promise.all([newPerson(t, { name: 'Sam Supplier' }), newPerson(t)]);
    const organization = await newOrganization(t, founder, { name: `Steelworks ${Math.random()}` });
    await newEmployment(t, colleague, organization, { approvedBy: founder });
    return { organization, founder, colleague };
  };
  const ask = (buyer: TestPerson, supplierId: string, extra: Record<string, unknown> = {}) =>
    h.as(buyer, SEND_INQUIRY, { input: { supplierId, subject: 'Steel beams', text: 'Do you ship 20 t?', ...extra } });
  const inbox = async (viewer: TestPerson, organizationId: string, status?: string) =>
    ok(await h.as(viewer, INBOX, { id: organizationId, status }), 'organization').inquiries;
  /** A live listener of `who`, subscribed once the server acknowledged the connection. */
  const subscribe = async (who: TestPerson, conversationId?: string) => {
    const client = wsClient(url, { authorization: `Bearer ${who.token}` });
    clients.push(client);
    const isConnected = connected(client);
    const stream = listenToMessages(client, conversationId);
    await isConnected;
    await new Promise((resolve) => setTimeout(resolve, 100));
    return stream;
  };

  it('walks a buyer from an introduction to a conversation, an inquiry in the shared inbox and a live answer', async () => {
    const { organization, founder, colleague } = await supplier();
    const [buyer, middle, outsider] = await Promise.all([
      newPerson(t, { name: 'Bea Buyer' }),
      newPerson(t),
      newPerson(t),
    ]);
    const introductionId = await h.introduce(buyer, middle, founder, organization.id);

    // Introduced: the buyer may write to the person directly.
    const direct = await h.start(buyer, [founder], 'Thanks for accepting!');
    expect(direct.participants).toHaveLength(2);

    // And ask the supplier, through its inbox, as a warm lead.
    const inquiry = ok(await ask(buyer, organization.id, { introductionId, categoryId: STEEL }), 'sendInquiry');
    expect(inquiry).toMatchObject({
      via: 'INTRODUCTION',
      status: 'OPEN',
      buyer: { id: buyer.id },
      supplier: { id: organization.id },
      category: { id: STEEL },
      claimedBy: null,
      conversation: null,
    });
    for (const member of [founder, colleague]) {
      expect(await h.notificationsAbout(member, inquiry.id)).toEqual([
        expect.objectContaining({ kind: 'INQUIRY_RECEIVED', summary: expect.stringContaining('Bea Buyer asked') }),
      ]);
      expect((await inbox(member, organization.id)).edges.map((e: any) => e.node.id)).toEqual([inquiry.id]);
    }
    expect(ok(await h.as(outsider, INBOX, { id: organization.id }), 'organization').inquiries).toBeNull();
    expect(onlyError(await h.as(outsider, CLAIM, { id: inquiry.id })).extensions.code).toBe('NOT_FOUND');

    // The colleague claims it; the founder sees who handles it and can no longer claim it.
    const claimed = ok(await h.as(colleague, CLAIM, { id: inquiry.id }), 'claimInquiry');
    expect(claimed).toMatchObject({
      status: 'CLAIMED',
      claimedBy: { id: colleague.id },
      conversation: { subject: 'Steel beams' },
    });
    const seenByFounder = (await inbox(founder, organization.id)).edges[0].node;
    expect(seenByFounder).toMatchObject({ status: 'CLAIMED', claimedBy: { id: colleague.id }, conversation: null });
    expect(onlyError(await h.as(founder, CLAIM, { id: inquiry.id })).extensions.code).toBe('CONFLICT');
    expect((await inbox(founder, organization.id, 'OPEN')).totalCount).toBe(0);

    // The buyer listens live; the answer reaches the buyer only, not the founder nor an outsider.
    const conversationId = claimed.conversation.id;
    const buyerStream = await subscribe(buyer);
    const buyerOneConversation = await subscribe(buyer, conversationId);
    const founderStream = await subscribe(founder);
    const outsiderStream = await subscribe(outsider);
    const answer = await h.send(colleague, conversationId, 'Yes, 20 t by Friday.');
    expect(await within(2000, buyerStream.first)).toEqual({
      data: { messageAdded: expect.objectContaining({ id: answer.id, text: 'Yes, 20 t by Friday.', conversationId }) },
    });
    expect(await within(2000, buyerOneConversation.first)).toMatchObject({ data: { messageAdded: { id: answer.id } } });
    // A message in the buyer's other conversation reaches the unfiltered stream only.
    const later = await h.send(founder, direct.id, 'Happy to help');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(buyerStream.received.map((m: any) => m.id)).toEqual([answer.id, later.id]);
    expect(buyerOneConversation.received.map((m: any) => m.id)).toEqual([answer.id]);
    expect(founderStream.received.map((m: any) => m.id)).toEqual([later.id]);
    expect(outsiderStream.received).toEqual([]);

    // The conversation holds the question, then the answer.
    const thread = ok(await h.conversation(buyer, conversationId), 'conversation');
    expect(thread.messages.edges.map((e: any) => [e.node.sender.id, e.node.text])).toEqual([
      [colleague.id, 'Yes, 20 t by Friday.'],
      [buyer.id, 'Do you ship 20 t?'],
    ]);

    const closed = ok(await h.as(founder, CLOSE, { id: inquiry.id }), 'closeInquiry');
    expect(closed).toMatchObject({ status: 'CLOSED', closedAt: expect.any(String) });
    expect(onlyError(await h.as(founder, CLOSE, { id: inquiry.id })).extensions.code).toBe('CONFLICT');
  });

  it('lets exactly one of two members claiming at once have the inquiry; the other gets CONFLICT', async () => {
    const { organization, founder, colleague } = await supplier();
    const buyer = await newPerson(t);
    for (let round = 0; round < 4; round++) {
      const inquiry = ok(await ask(buyer, organization.id), 'sendInquiry');
      const answers = await Promise.all([founder, colleague].map((member) => h.as(member, CLAIM, { id: inquiry.id })));
      const won = answers.filter((answer) => answer.errors === undefined);
      expect(won).toHaveLength(1);
      const lost = answers.find((answer) => answer.errors !== undefined)!;
      expect(onlyError(lost).extensions).toMatchObject({ code: 'CONFLICT', field: 'inquiryId' });
      const winner = won[0].data!.claimInquiry;
      const stored = await t.sql.getRepository(InquiryRow).findOneByOrFail({ id: inquiry.id });
      expect(stored).toMatchObject({
        status: 'CLAIMED',
        claimedById: winner.claimedBy.id,
        conversationId: winner.conversation.id,
      });
    }
    // One conversation per claimed inquiry, none left over from the losing claims.
    expect(await t.sql.getRepository(ConversationParticipantRow).countBy({ personId: buyer.id })).toBe(4);
  });

  it('refuses to claim or close an inquiry closed at the same time, and stores one outcome', async () => {
    const { organization, founder, colleague } = await supplier();
    const buyer = await newPerson(t);
    const inquiry = ok(await ask(buyer, organization.id), 'sendInquiry');
    const [claim, close] = await Promise.all([
      h.as(colleague, CLAIM, { id: inquiry.id }),
      h.as(founder, CLOSE, { id: inquiry.id }),
    ]);
    expect(close.errors).toBeUndefined();
    const stored = await t.sql.getRepository(InquiryRow).findOneByOrFail({ id: inquiry.id });
    expect(stored).toMatchObject({ status: 'CLOSED', closedById: founder.id });
    if (claim.errors) {
      expect(onlyError(claim).extensions.code).toBe('CONFLICT');
      expect(stored).toMatchObject({ claimedById: null, conversationId: null });
    } else {
      expect(stored).toMatchObject({
        claimedById: colleague.id,
        conversationId: claim.data!.claimInquiry.conversation.id,
      });
    }
    expect(onlyError(await h.as(colleague, CLAIM, { id: inquiry.id })).extensions.code).toBe('CONFLICT');
  });

  it('refuses a subscription to someone else’s conversation', async () => {
    const [ada, bob] = await h.connectedPair();
    const conversation = await h.start(ada, [bob], 'Private');
    const stranger = await newPerson(t);
    const stream = await subscribe(stranger, conversation.id);
    await within(2000, stream.done);
    expect(stream.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
    ]);
  });

  it('marks warm leads: NETWORK within two connections of a member, DIRECT otherwise', async () => {
    const { organization, colleague } = await supplier();
    const [friendOfFriend, friend, stranger] = await Promise.all([newPerson(t), newPerson(t), newPerson(t)]);
    await h.connect(friendOfFriend, friend);
    await h.connect(friend, colleague);
    expect(ok(await ask(friend, organization.id), 'sendInquiry').via).toBe('NETWORK');
    expect(ok(await ask(friendOfFriend, organization.id), 'sendInquiry').via).toBe('NETWORK');
    expect(ok(await ask(stranger, organization.id), 'sendInquiry').via).toBe('DIRECT');
    // A block along the way makes it a cold lead.
    await h.block(friend, friendOfFriend);
    expect(ok(await ask(friendOfFriend, organization.id), 'sendInquiry').via).toBe('DIRECT');
  });

  it('refuses a bad introduction, an unknown supplier or category, and one’s own organization', async () => {
    const { organization, founder } = await supplier();
    const other = await supplier();
    const [buyer, middle] = await Promise.all([newPerson(t), newPerson(t)]);
    const toOther = await h.introduce(buyer, middle, other.founder);
    expect(onlyError(await ask(buyer, organization.id, { introductionId: toOther })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.introductionId',
    });
    expect(ok(await ask(buyer, other.organization.id, { introductionId: toOther }), 'sendInquiry').via).toBe(
      'INTRODUCTION',
    );
    expect(onlyError(await ask(buyer, 'no-such-org')).extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.supplierId',
    });
    expect(onlyError(await ask(buyer, organization.id, { categoryId: 'no-such' })).extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.categoryId',
    });
    expect(onlyError(await ask(founder, organization.id)).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('opens its members to the buyer while the inquiry is open, and respects refusals and blocks', async () => {
    const { organization, founder, colleague } = await supplier();
    const [buyer, blockedBuyer] = await Promise.all([newPerson(t), newPerson(t)]);
    expect(onlyError(await h.startVia(buyer, [colleague])).extensions.code).toBe('FORBIDDEN');
    const inquiry = ok(await ask(buyer, organization.id), 'sendInquiry');
    const conversation = await h.start(buyer, [colleague], 'About my inquiry');
    expect(conversation.participants).toHaveLength(2);
    ok(await h.as(founder, CLOSE, { id: inquiry.id }), 'closeInquiry');
    expect(onlyError(await h.startVia(buyer, [colleague])).extensions.code).toBe('FORBIDDEN');

    // The colleague refuses inquiries: no notification, no claiming; the founder still gets them.
    const settings = `mutation($input: UpdatePrivacySettingsInput!) { updatePrivacySettings(input: $input) { acceptInquiries } }`;
    expect(ok(await h.as(colleague, settings, { input: { acceptInquiries: false } }), 'updatePrivacySettings')).toEqual(
      {
        acceptInquiries: false,
      },
    );
    const second = ok(await ask(buyer, organization.id), 'sendInquiry');
    expect(await h.notificationsAbout(colleague, second.id)).toEqual([]);
    expect(await h.notificationsAbout(founder, second.id)).toHaveLength(1);
    expect(onlyError(await h.as(colleague, CLAIM, { id: second.id })).extensions.code).toBe('FORBIDDEN');
    // Nor can the buyer write to them through the open inquiry; the founder still can be written to.
    expect(onlyError(await h.startVia(buyer, [colleague])).extensions.code).toBe('FORBIDDEN');
    expect((await h.start(buyer, [founder], 'About my second inquiry')).participants).toHaveLength(2);

    // A buyer blocked by the founder: hidden from the founder's inbox, not claimable by them.
    await h.block(founder, blockedBuyer);
    const hidden = ok(await ask(blockedBuyer, organization.id), 'sendInquiry');
    expect((await inbox(founder, organization.id)).edges.map((e: any) => e.node.id)).not.toContain(hidden.id);
    expect((await inbox(colleague, organization.id)).edges.map((e: any) => e.node.id)).toContain(hidden.id);
    expect(onlyError(await h.as(founder, CLAIM, { id: hidden.id })).extensions.code).toBe('NOT_FOUND');
    expect(await h.notificationsAbout(founder, hidden.id)).toEqual([]);

    // Nobody accepting: the supplier takes no inquiries.
    ok(await h.as(founder, settings, { input: { acceptInquiries: false } }), 'updatePrivacySettings');
    expect(onlyError(await ask(buyer, organization.id)).extensions.code).toBe('FORBIDDEN');
  });
});
