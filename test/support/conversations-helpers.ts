import { Client } from 'graphql-ws';
import { newPerson, TestPerson } from './factories.js';
import { networkHelpers } from './network-helpers.js';
import { GqlResponse, TestApp } from './test-app.js';

export const MESSAGE_FIELDS = 'id conversationId text sentAt editedAt deleted sender { id name }';
export const CONVERSATION_FIELDS = `id subject muted unreadCount participants { id name }
  lastMessage { ${MESSAGE_FIELDS} }`;

export const START = `mutation Start($input: StartConversationInput!) {
  startConversation(input: $input) { ${CONVERSATION_FIELDS} }
}`;
export const SEND = `mutation Send($input: SendMessageInput!) { sendMessage(input: $input) { ${MESSAGE_FIELDS} } }`;
export const EDIT = `mutation Edit($input: EditMessageInput!) { editMessage(input: $input) { ${MESSAGE_FIELDS} } }`;
export const DELETE_MESSAGE = `mutation Delete($id: ID!) { deleteMessage(messageId: $id) { ${MESSAGE_FIELDS} } }`;
export const MARK_READ = `mutation Read($id: ID!) { markConversationRead(conversationId: $id) { id unreadCount } }`;
export const LEAVE = `mutation Leave($id: ID!) { leaveConversation(conversationId: $id) }`;
export const MUTE = `mutation Mute($id: ID!, $muted: Boolean!) { muteConversation(conversationId: $id, muted: $muted) { id muted } }`;
export const CONVERSATION = `query Conversation($id: ID!, $first: Int, $before: String) {
  conversation(id: $id) { ${CONVERSATION_FIELDS}
    messages(first: $first, before: $before) { totalCount
      edges { cursor node { ${MESSAGE_FIELDS} } } pageInfo { hasNextPage hasPreviousPage endCursor } } }
}`;
export const MY_CONVERSATIONS = `query Mine($first: Int, $after: String, $unreadOnly: Boolean) { me {
  conversations(first: $first, after: $after, unreadOnly: $unreadOnly) { totalCount
    edges { node { id subject unreadCount } } pageInfo { hasNextPage endCursor } }
} }`;
export const INQUIRY_FIELDS = `id subject text via status createdAt closedAt buyer { id } supplier { id }
  category { id } claimedBy { id } conversation { id subject }`;
export const SEND_INQUIRY = `mutation Ask($input: SendInquiryInput!) { sendInquiry(input: $input) { ${INQUIRY_FIELDS} } }`;
export const CLAIM = `mutation Claim($id: ID!) { claimInquiry(inquiryId: $id) { ${INQUIRY_FIELDS} } }`;
export const CLOSE = `mutation Close($id: ID!) { closeInquiry(inquiryId: $id) { ${INQUIRY_FIELDS} } }`;
export const INBOX = `query Inbox($id: ID!, $status: InquiryStatus, $first: Int, $after: String) {
  organization(id: $id) { inquiries(status: $status, first: $first, after: $after) {
    totalCount edges { node { ${INQUIRY_FIELDS} } } pageInfo { hasNextPage endCursor } } }
}`;
export const MESSAGE_ADDED = `subscription Added($conversationId: ID) {
  messageAdded(conversationId: $conversationId) { ${MESSAGE_FIELDS} }
}`;
const REQUEST_INTRODUCTION = `mutation Request($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { id } }`;
const RESPOND_INTRODUCTION = `mutation Respond($id: ID!, $accept: Boolean!) {
  respondToIntroduction(introductionId: $id, accept: $accept) { id status }
}`;

/** The named field of a response that must have succeeded. */
export const ok = (res: GqlResponse, name: string) => {
  expect(res.errors).toBeUndefined();
  return res.data![name];
};

/** The helpers that need the running app (called on each use, so usable before beforeAll ran). */
export function conversationHelpers(app: () => TestApp) {
  const network = networkHelpers(app);
  const as = (who: TestPerson, query: string, variables: Record<string, unknown> = {}) =>
    app().gql(query, variables, who.token);

  const startVia = (from: TestPerson, others: { id: string }[], text = 'Hello', subject?: string) =>
    as(from, START, { input: { participantIds: others.map((o) => o.id), text, subject } });
  const start = async (from: TestPerson, others: { id: string }[], text = 'Hello', subject?: string) =>
    ok(await startVia(from, others, text, subject), 'startConversation');
  const send = async (from: TestPerson, conversationId: string, text: string) =>
    ok(await as(from, SEND, { input: { conversationId, text } }), 'sendMessage');
  const conversation = (viewer: TestPerson, id: string, first = 20, before?: string) =>
    as(viewer, CONVERSATION, { id, first, before });
  const mine = async (viewer: TestPerson, variables: Record<string, unknown> = {}) =>
    ok(await as(viewer, MY_CONVERSATIONS, variables), 'me').conversations;

  /** `requester` is introduced to `target` through `middle` (who connects to both), and accepted. */
  const introduce = async (requester: TestPerson, middle: TestPerson, target: TestPerson, supplierId?: string) => {
    await network.connect(requester, middle);
    await network.connect(middle, target);
    const input = { path: [middle.id, target.id], message: 'Please introduce me', supplierId };
    const { id } = ok(await as(requester, REQUEST_INTRODUCTION, { input }), 'requestIntroduction');
    ok(await as(middle, RESPOND_INTRODUCTION, { id, accept: true }), 'respondToIntroduction');
    ok(await as(target, RESPOND_INTRODUCTION, { id, accept: true }), 'respondToIntroduction');
    return id as string;
  };

  /** Two freshly registered, connected people. */
  const connectedPair = async () => {
    const [a, b] = await Promise.all([newPerson(app()), newPerson(app())]);
    await network.connect(a, b);
    return [a, b] as const;
  };

  const block = async (actor: TestPerson, other: { id: string }) =>
    ok(await as(actor, `mutation($id: ID!) { blockPerson(personId: $id) }`, { id: other.id }), 'blockPerson');

  /** The stored notifications of a kind about a subject, for one person. */
  const notificationsAbout = async (who: TestPerson, subjectId: string) => {
    const res = await as(
      who,
      `query { notifications(first: 100) { edges { node { kind subjectId readAt summary } } } }`,
    );
    return ok(res, 'notifications')
      .edges.map((e: any) => e.node)
      .filter((n: any) => n.subjectId === subjectId);
  };

  return {
    ...network,
    as,
    startVia,
    start,
    send,
    conversation,
    mine,
    introduce,
    connectedPair,
    block,
    notificationsAbout,
  };
}

/** Subscribes to messageAdded (of one conversation when given) and collects what arrives. */
export function listenToMessages(client: Client, conversationId?: string) {
  const received: any[] = [];
  const errors: unknown[] = [];
  let resolveFirst: (value: any) => void;
  const first = new Promise<any>((resolve) => (resolveFirst = resolve));
  const done = new Promise<void>((resolve) => {
    client.subscribe(
      { query: MESSAGE_ADDED, variables: { conversationId } },
      {
        next: (result) => {
          if (result.errors) errors.push(...result.errors);
          else received.push(result.data!.messageAdded);
          resolveFirst(result);
        },
        error: (error) => {
          errors.push(...(Array.isArray(error) ? error : [error]));
          resolveFirst(error);
          resolve();
        },
        complete: () => resolve(),
      },
    );
  });
  return { received, errors, first, done };
}
