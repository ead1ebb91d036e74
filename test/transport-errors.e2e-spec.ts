import { Client, FormattedExecutionResult } from 'graphql-ws';
import { newPerson, TestPerson } from './support/factories.js';
import { listenOn, wsClient } from './support/notifications-helpers.js';
import { createTestApp, onlyError, TestApp } from './support/test-app.js';

const REGISTER = `mutation Register($input: RegisterInput!) { register(input: $input) { accessToken } }`;

type SocketResult = FormattedExecutionResult<Record<string, any>, unknown>;

/** Runs one operation on a graphql-ws connection; settles with its result or its errors. */
function onSocket(client: Client, query: string, variables: Record<string, unknown> = {}) {
  return new Promise<SocketResult>((resolve) => {
    let result: SocketResult = {};
    client.subscribe(
      { query, variables },
      {
        next: (value) => (result = value),
        error: (errors) => resolve({ errors: errors as SocketResult['errors'] }),
        complete: () => resolve(result),
      },
    );
  });
}

describe('transport and input errors', () => {
  let t: TestApp;
  let person: TestPerson;
  beforeAll(async () => {
    t = await createTestApp();
    person = await newPerson(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses text holding a lone UTF-16 surrogate as BAD_USER_INPUT on its field', async () => {
    const input = { email: '\ud800@example.com', password: 'a long password', name: 'Sam Ortiz', country: 'NL' };
    const res = await t.gql(REGISTER, { input });
    expect(onlyError(res).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.email' });
    const named = await t.gql(REGISTER, { input: { ...input, email: 'sam@example.com', name: 'Sam \udc00' } });
    expect(onlyError(named).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.name' });
  });

  it('answers more than 50 invalid variables with BAD_USER_INPUT only', async () => {
    const names = Array.from({ length: 60 }, (_, i) => `$v${i}`);
    const query = `mutation(${names.map((name) => `${name}: ID!`).join(', ')}) {
      markNotificationsRead(ids: [${names.join(', ')}]) }`;
    const variables = Object.fromEntries(names.map((name) => [name.slice(1), { not: 'an id' }]));
    for (const token of [undefined, person.token]) {
      const res = await t.gql(query, variables, token);
      expect(res.status).toBe(400);
      expect(res.errors!.length).toBeGreaterThan(50);
      expect(new Set(res.errors!.map((error) => error.extensions.code))).toEqual(new Set(['BAD_USER_INPUT']));
      expect(res.errors!.at(-1)!.message).toBe('Too many invalid variable values; fix them and retry.');
    }
  });

  it('refuses a subscription sent over HTTP with BAD_REQUEST naming graphql-ws', async () => {
    for (const token of [undefined, person.token]) {
      const res = await t.gql('subscription { notificationAdded { id } }', {}, token);
      expect(res.status).toBe(400);
      const error = onlyError(res);
      expect(error.extensions).toEqual({ code: 'BAD_REQUEST' });
      expect(error.message).toBe('Subscriptions are served over graphql-ws at /graphql, not over HTTP.');
    }
  });

  describe('over graphql-ws', () => {
    let client: Client;
    beforeAll(async () => {
      client = wsClient(await listenOn(t), { authorization: `Bearer ${person.token}` });
    });
    afterAll(async () => {
      await client.dispose();
    });

    it('runs queries and mutations as the connection’s user', async () => {
      expect(await onSocket(client, 'query { me { id name } }')).toEqual({
        data: { me: { id: person.id, name: person.name } },
      });
      expect(await onSocket(client, 'mutation { markNotificationsRead }')).toEqual({
        data: { markNotificationsRead: 0 },
      });
    });

    it('reports resolver errors with their code and field', async () => {
      const res = await onSocket(client, 'query($id: ID!) { person(id: $id) { id } organization(id: $id) { id } }', {
        id: 'nobody',
      });
      expect(res.errors ?? []).toEqual([]);
      expect(res.data).toEqual({ person: null, organization: null });
      const invalid = await onSocket(
        client,
        'query { networkTradersWith(supplierId: "x", maxDegree: 9) { totalCount } }',
      );
      expect(invalid.errors).toEqual([
        expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'maxDegree' } }),
      ]);
    });

    it('reports parse and validation errors with their codes', async () => {
      const parse = await onSocket(client, 'query { me { ');
      expect(parse.errors!.map((e) => e.extensions)).toEqual([{ code: 'GRAPHQL_PARSE_FAILED' }]);
      const invalid = await onSocket(client, 'query { nope }');
      expect(invalid.errors!.map((e) => e.extensions)).toEqual([{ code: 'GRAPHQL_VALIDATION_FAILED' }]);
    });

    it('applies the same operation limits as HTTP', async () => {
      let bomb = 'fragment F0 on Person { id name }\n';
      for (let i = 1; i <= 24; i += 1) bomb += `fragment F${i} on Person { ...F${i - 1} ...F${i - 1} }\n`;
      const refused = await onSocket(client, `${bomb}query { me { ...F24 } }`);
      expect(refused.errors!.map((e) => e.extensions)).toEqual([
        { code: 'QUERY_TOO_COMPLEX', limit: 'maxSelections', max: 5000 },
      ]);
      const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ');
      const tooMany = await onSocket(client, `query { ${aliases} }`);
      expect(tooMany.errors!.map((e) => e.extensions)).toEqual([
        { code: 'QUERY_TOO_COMPLEX', limit: 'maxAliases', max: 15 },
      ]);
      const tokens = await onSocket(client, `query { me { ${'id '.repeat(2100)} } }`);
      expect(tokens.errors!.map((e) => e.extensions)).toEqual([
        { code: 'QUERY_TOO_COMPLEX', limit: 'maxTokens', max: 2000 },
      ]);
    });
  });
});
