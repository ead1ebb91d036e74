import { conversationHelpers, SEND } from './support/conversations-helpers.js';
import { createTestApp, onlyError, TestApp } from './support/test-app.js';

/** Sending is rate-limited per account: each sendMessage counts against the sender's own limits. */
describe('conversation rate limits', () => {
  let t: TestApp;
  const h = conversationHelpers(() => t);
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_SAME_MUTATION_PER_ACCOUNT: '3/1m' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses the sender’s fourth message in a minute with RATE_LIMITED, and nobody else’s', async () => {
    const [ada, bob] = await h.connectedPair();
    const conversation = await h.start(ada, [bob], 'Hello');
    for (const text of ['one', 'two', 'three']) await h.send(ada, conversation.id, text);
    const refused = onlyError(await h.as(ada, SEND, { input: { conversationId: conversation.id, text: 'four' } }));
    expect(refused.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect((await h.send(bob, conversation.id, 'Still here')).text).toBe('Still here');
    const seen = (await h.conversation(bob, conversation.id)).data!.conversation;
    expect(seen.messages.totalCount).toBe(5);
  });
});
