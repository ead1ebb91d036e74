import * as fs from 'node:fs';
import * as path from 'node:path';
import { newPerson, TestPerson } from './support/factories.js';
import { listenOn, wsClient } from './support/notifications-helpers.js';
import { createTestApp, TestApp } from './support/test-app.js';

const MANIFEST = path.resolve('clients/typescript/src/generated/persisted-documents.json');
const documents = JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
const [meHash] = Object.entries(documents).find(([, text]) => text.startsWith('query Me ')) as [string, string];
const meHex = meHash.replace(/^sha256:/, '');
const UNKNOWN = `sha256:${'0'.repeat(64)}`;

async function post(t: TestApp, body: Record<string, unknown>, person?: TestPerson) {
  const req = t.http().post('/graphql').set('content-type', 'application/json');
  if (person) req.set('authorization', `Bearer ${person.token}`);
  const res = await req.send(body);
  return { status: res.status, data: res.body.data, errors: res.body.errors as { extensions: { code: string } }[] };
}

describe('trusted documents: GRAPHQL_TRUSTED_DOCUMENTS=only', () => {
  let t: TestApp;
  let ada: TestPerson;
  beforeAll(async () => {
    t = await createTestApp({ GRAPHQL_TRUSTED_DOCUMENTS: 'only' });
    // Accounts are made through the services: register is not among the client's operations.
    ada = await newPerson(t, { name: 'Ada Trusted' });
  });
  afterAll(() => t?.close());

  it('runs a document of the manifest by documentId and by persistedQuery hash', async () => {
    const byId = await post(t, { documentId: meHash, operationName: 'Me' }, ada);
    expect(byId.errors).toBeUndefined();
    expect(byId.data.me.name).toBe('Ada Trusted');
    const byApq = await post(t, { extensions: { persistedQuery: { version: 1, sha256Hash: meHex } } }, ada);
    expect(byApq.errors).toBeUndefined();
    expect(byApq.data.me.name).toBe('Ada Trusted');
    const byGet = await t
      .http()
      .get('/graphql')
      .query({ documentId: meHash })
      .set('authorization', `Bearer ${ada.token}`)
      .set('apollo-require-preflight', 'true');
    expect(byGet.body).toEqual({ data: { me: expect.objectContaining({ name: 'Ada Trusted' }) } });
  });

  it('refuses an unknown hash with PERSISTED_QUERY_NOT_FOUND', async () => {
    for (const body of [
      { documentId: UNKNOWN },
      { extensions: { persistedQuery: { version: 1, sha256Hash: UNKNOWN.slice(7) } } },
      { documentId: 'not-a-hash' },
      // A known query's text with an unknown hash does not register it, as Apollo's own APQ would.
      { query: documents[meHash], extensions: { persistedQuery: { version: 1, sha256Hash: UNKNOWN.slice(7) } } },
    ]) {
      const res = await post(t, body, ada);
      expect(res.status).toBe(400);
      expect(res.errors).toEqual([expect.objectContaining({ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } })]);
    }
  });

  it('refuses free text, even the text of a trusted document, with PERSISTED_QUERY_NOT_ALLOWED before parsing', async () => {
    for (const query of [documents[meHash], '{ me { name } }', 'not graphql at all {']) {
      const res = await post(t, { query }, ada);
      expect(res.status).toBe(400);
      expect(res.errors).toEqual([expect.objectContaining({ extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED' } })]);
    }
    const get = await t
      .http()
      .get('/graphql')
      .query({ query: '{ me { name } }' })
      .set('apollo-require-preflight', 'true');
    expect(get.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
  });

  it('applies the same rule to operations over graphql-ws', async () => {
    const client = wsClient(await listenOn(t), { authorization: `Bearer ${ada.token}` });
    const runs = (payload: { query: string; extensions?: Record<string, unknown> }) =>
      new Promise<{ data?: any; errors?: any[] }>((resolve, reject) => {
        let result: { data?: any; errors?: any[] } = {};
        const timer = setTimeout(() => reject(new Error('no answer within 10 s')), 10_000);
        const settle = (value: typeof result) => {
          clearTimeout(timer);
          resolve(value);
        };
        client.subscribe(payload, {
          next: (value) => (result = value as typeof result),
          error: (errors) => settle({ errors: errors as any[] }),
          complete: () => settle(result),
        });
      });
    try {
      const byHash = await runs({ query: '', extensions: { persistedQuery: { version: 1, sha256Hash: meHex } } });
      expect(byHash.data.me.name).toBe('Ada Trusted');
      const freeText = await runs({ query: '{ me { name } }' });
      expect(freeText.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
      const unknown = await runs({ query: '', extensions: { persistedQuery: { version: 1, sha256Hash: UNKNOWN } } });
      expect(unknown.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    } finally {
      await client.dispose();
    }
  });

  it('still serves the IDE page, which is no operation', async () => {
    const page = await t.http().get('/graphql').set('accept', 'text/html');
    expect(page.status).toBe(200);
  });
});

describe('trusted documents: GRAPHQL_TRUSTED_DOCUMENTS=allow (the default)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  it('runs documents by hash and free text alike', async () => {
    expect(t.config.graphql.trustedDocuments.mode).toBe('allow');
    const ada = await newPerson(t, { name: 'Ada Allowed' });
    const byId = await post(t, { documentId: meHash }, ada);
    expect(byId.data.me.name).toBe('Ada Allowed');
    const byApq = await post(t, { extensions: { persistedQuery: { version: 1, sha256Hash: meHex } } }, ada);
    expect(byApq.data.me.name).toBe('Ada Allowed');
    const text = await t.gql('{ me { name } }', {}, ada.token);
    expect(text.data?.me.name).toBe('Ada Allowed');
    const unknown = await post(t, { documentId: UNKNOWN }, ada);
    expect(unknown.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});
