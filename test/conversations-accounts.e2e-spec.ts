import { newEmployment, newOrganization, newPerson, TestPerson } from './support/factories.js';
import { CLAIM, conversationHelpers, EDIT, INBOX, ok, SEND, SEND_INQUIRY } from './support/conversations-helpers.js';
import { DELETE } from './support/session-helpers.js';
import { createTestApp, onlyError, TestApp } from './support/test-app.js';

const END_EMPLOYMENT = `mutation End($id: ID!) { endEmployment(employmentId: $id) { status } }`;

/** Deleted accounts, former members, the inbox's pages and the length of texts. */
describe('conversations and inquiries: deleted accounts, former members and limits', () => {
  let t: TestApp;
  const h = conversationHelpers(() => t);
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** A supplier with two current members: its founder and a colleague (whose employment id is kept). */
  const supplier = async () => {
    const [founder, colleague] = await Promise.all([newPerson(t), newPerson(t)]);
    const organization = await newOrganization(t, founder, { name: `Steelworks ${Math.random()}` });
    const employment = await newEmployment(t, colleague, organization, { approvedBy: founder });
    return { organization, founder, colleague, employmentId: employment.id };
  };
  const ask = (buyer: TestPerson, supplierId: string, extra: Record<string, unknown> = {}) =>
    h.as(buyer, SEND_INQUIRY, { input: { supplierId, subject: 'Steel beams', text: 'Do you ship 20 t?', ...extra } });
  const inbox = (viewer: TestPerson, id: string, extra: Record<string, unknown> = {}) =>
    h.as(viewer, INBOX, { id, ...extra });
  const deleteAccount = async (who: TestPerson) =>
    ok(await t.gql(DELETE, { password: who.password }, who.token), 'deleteAccount');

  describe('a deleted account', () => {
    it('cannot be written to (refused exactly as a stranger), and the others keep talking', async () => {
      const [ada, bob] = await h.connectedPair();
      const carol = await newPerson(t);
      await h.connect(ada, carol);
      const group = await h.start(ada, [bob, carol], 'All of us');
      await deleteAccount(bob);
      const refusal = onlyError(await h.startVia(ada, [await newPerson(t)]));

      const refused = onlyError(await h.startVia(ada, [{ id: bob.id }]));
      expect(refusal.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.participantIds' });
      expect(refused.extensions).toMatchObject({ code: refusal.extensions.code, field: refusal.extensions.field });
      expect(refused.message).toBe(refusal.message);
      const fromAda = await h.send(ada, group.id, 'Bob is gone');
      const fromCarol = await h.send(carol, group.id, 'Still here');
      const seen = ok(await h.conversation(ada, group.id), 'conversation');
      expect(seen.participants.map((p: any) => p.id).sort()).toEqual([ada.id, carol.id].sort());
      expect(seen.messages.edges.map((e: any) => e.node.id)).toEqual([fromCarol.id, fromAda.id, group.lastMessage.id]);
    });
  });

  describe('the supplier inbox', () => {
    it('pages newest first with first/after, and is null (and unclaimable) for a former member', async () => {
      const { organization, colleague, employmentId } = await supplier();
      const buyer = await newPerson(t);
      const asked = [];
      for (const subject of ['One', 'Two', 'Three'])
        asked.push(ok(await ask(buyer, organization.id, { subject }), 'sendInquiry'));
      const first = ok(await inbox(colleague, organization.id, { first: 2 }), 'organization').inquiries;
      expect(first.edges.map((e: any) => e.node.subject)).toEqual(['Three', 'Two']);
      expect(first).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
      const next = ok(
        await inbox(colleague, organization.id, { first: 2, after: first.pageInfo.endCursor }),
        'organization',
      ).inquiries;
      expect(next.edges.map((e: any) => e.node.subject)).toEqual(['One']);
      expect(next.pageInfo.hasNextPage).toBe(false);

      ok(await h.as(colleague, END_EMPLOYMENT, { id: employmentId }), 'endEmployment');
      expect(ok(await inbox(colleague, organization.id), 'organization').inquiries).toBeNull();
      expect(onlyError(await h.as(colleague, CLAIM, { id: asked[0].id })).extensions.code).toBe('NOT_FOUND');
    });
  });

  describe('an inquiry whose claimer is gone', () => {
    it('may be taken over by a current member once its claimer left the supplier, not before', async () => {
      const { organization, founder, colleague, employmentId } = await supplier();
      const buyer = await newPerson(t);
      const inquiry = ok(await ask(buyer, organization.id), 'sendInquiry');
      const first = ok(await h.as(colleague, CLAIM, { id: inquiry.id }), 'claimInquiry');
      expect(onlyError(await h.as(founder, CLAIM, { id: inquiry.id })).extensions.code).toBe('CONFLICT');

      ok(await h.as(colleague, END_EMPLOYMENT, { id: employmentId }), 'endEmployment');
      const taken = ok(await h.as(founder, CLAIM, { id: inquiry.id }), 'claimInquiry');
      expect(taken).toMatchObject({ status: 'CLAIMED', claimedBy: { id: founder.id } });
      expect(taken.conversation.id).not.toBe(first.conversation.id);
      const thread = ok(await h.conversation(buyer, taken.conversation.id), 'conversation');
      expect(thread.participants.map((p: any) => p.id).sort()).toEqual([buyer.id, founder.id].sort());
      expect(thread.messages.edges.map((e: any) => e.node.text)).toEqual(['Do you ship 20 t?']);
      // Now held by a current member again: nobody else may take it.
      const other = await newPerson(t);
      await newEmployment(t, other, organization, { approvedBy: founder });
      expect(onlyError(await h.as(other, CLAIM, { id: inquiry.id })).extensions.code).toBe('CONFLICT');
    });

    it('puts a claimed conversation first, though its question is older than the others', async () => {
      const { organization, colleague } = await supplier();
      const buyer = await newPerson(t);
      const inquiry = ok(await ask(buyer, organization.id), 'sendInquiry');
      // Both talk to someone else after the question; the claim comes later still.
      for (const person of [buyer, colleague]) {
        const friend = await newPerson(t);
        await h.connect(person, friend);
        await h.start(person, [friend], 'Meanwhile');
      }
      const claimed = ok(await h.as(colleague, CLAIM, { id: inquiry.id }), 'claimInquiry');
      const query = `query { me { conversations(first: 5) { edges { node { id createdAt lastActivityAt } } } } }`;
      for (const viewer of [buyer, colleague]) {
        const [newest] = ok(await h.as(viewer, query, {}), 'me').conversations.edges.map((e: any) => e.node);
        expect(newest.id).toBe(claimed.conversation.id);
        expect(new Date(newest.lastActivityAt).getTime()).toBeGreaterThanOrEqual(new Date(newest.createdAt).getTime());
      }
    });

    it('may be taken over once its claimer deleted their account', async () => {
      const { organization, founder, colleague } = await supplier();
      const buyer = await newPerson(t);
      const inquiry = ok(await ask(buyer, organization.id), 'sendInquiry');
      ok(await h.as(colleague, CLAIM, { id: inquiry.id }), 'claimInquiry');
      await deleteAccount(colleague);
      const seen = ok(await inbox(founder, organization.id), 'organization').inquiries.edges[0].node;
      expect(seen).toMatchObject({ id: inquiry.id, status: 'CLAIMED', claimedBy: null });
      const taken = ok(await h.as(founder, CLAIM, { id: inquiry.id }), 'claimInquiry');
      expect(taken).toMatchObject({
        status: 'CLAIMED',
        claimedBy: { id: founder.id },
        conversation: { id: expect.any(String) },
      });
    });
  });

  describe('the length of texts', () => {
    it('takes up to 10,000 characters in sendMessage, editMessage and sendInquiry, and refuses one more', async () => {
      const [ada, bob] = await h.connectedPair();
      const conversation = await h.start(ada, [bob], 'Hello');
      const longest = 'x'.repeat(10_000);
      const tooLong = `${longest}y`;
      const sent = ok(
        await h.as(ada, SEND, { input: { conversationId: conversation.id, text: longest } }),
        'sendMessage',
      );
      expect(sent.text).toHaveLength(10_000);
      expect(
        onlyError(await h.as(ada, SEND, { input: { conversationId: conversation.id, text: tooLong } })).extensions,
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.text' });
      expect(
        onlyError(await h.as(ada, EDIT, { input: { messageId: sent.id, text: tooLong } })).extensions,
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.text' });
      expect(
        ok(await h.as(ada, EDIT, { input: { messageId: sent.id, text: `${'z'.repeat(9_999)}!` } }), 'editMessage').text,
      ).toHaveLength(10_000);

      const { organization } = await supplier();
      expect(onlyError(await ask(ada, organization.id, { text: tooLong })).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.text',
      });
      expect(ok(await ask(ada, organization.id, { text: longest }), 'sendInquiry').text).toHaveLength(10_000);
    });
  });

  it('describes each edge cursor as the argument its list pages by', async () => {
    const viewer = await newPerson(t);
    const res = await t.gql(
      `query {
      message: __type(name: "MessageEdge") { fields { name description } }
      conversation: __type(name: "ConversationEdge") { fields { name description } }
    }`,
      {},
      viewer.token,
    );
    const cursor = (type: string) => res.data![type].fields.find((f: any) => f.name === 'cursor').description;
    expect(cursor('message')).toContain('as `before`');
    expect(cursor('message')).not.toContain('`after`');
    expect(cursor('conversation')).toContain('as `after`');
  });
});
