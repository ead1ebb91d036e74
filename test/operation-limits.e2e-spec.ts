import { getIntrospectionQuery } from 'graphql';
import { newEmployment, newOrganization, newPerson, TestPerson } from './support/factories.js';
import { createTestApp, GqlResponse, onlyError, TestApp } from './support/test-app.js';

/** `fragment F1 on Person { ...F0 ...F0 }` … `Fn`: a small document that expands to 2^n selections. */
function fragmentBomb(levels: number): string {
  let document = 'fragment F0 on Person { id name }\n';
  for (let i = 1; i <= levels; i += 1) document += `fragment F${i} on Person { ...F${i - 1} ...F${i - 1} }\n`;
  return `${document}query { me { ...F${levels} } }`;
}

const nested = (levels: number, inner: string, wrap: (inner: string) => string): string =>
  levels === 0 ? inner : wrap(nested(levels - 1, inner, wrap));

/** The refusal of a limit: one error, QUERY_TOO_COMPLEX, naming the limit and its configured value. */
function expectRefused(res: GqlResponse, limit: string, max: number) {
  expect(res.status).toBe(400);
  expect(res.data ?? null).toBeNull();
  const error = onlyError(res);
  expect(error.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit, max });
  expect(error.message).not.toMatch(/Syntax Error/);
}

describe('operation limits', () => {
  let t: TestApp;
  let person: TestPerson;
  beforeAll(async () => {
    t = await createTestApp();
    person = await newPerson(t);
  });
  afterAll(async () => {
    await t.close();
  });

  // Every limit is checked before execution, so a caller without a token gets the same refusal.
  describe.each([
    ['anonymous', () => undefined],
    ['logged in', () => person.token],
  ])('for a caller %s', (_caller, token: () => string | undefined) => {
    it.each([24, 40])('refuses a %i-level fragment chain at the selection limit', async (levels) => {
      const res = await t.gql(fragmentBomb(levels), {}, token());
      expectRefused(res, 'maxSelections', 5000);
    });

    it('refuses operations nested deeper than maxDepth', async () => {
      const deep = nested(4, 'id', (inner) => `employments { edges { node { person { ${inner} } } } }`);
      const res = await t.gql(`query { me { ${deep} } }`, {}, token());
      expectRefused(res, 'maxDepth', 16);
      expect(onlyError(res).message).toMatch(/depth limit of 16/);
    });

    it('refuses more aliases than maxAliases', async () => {
      const sixteen = Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ');
      expectRefused(await t.gql(`query { ${sixteen} }`, {}, token()), 'maxAliases', 15);
    });

    it('refuses 500 aliases of a degree-3 shortlist (at the token limit, before counting aliases)', async () => {
      const aliases = Array.from(
        { length: 500 },
        (_, i) => `s${i}: supplierShortlist(categoryId: "metals", maxDegree: 3, first: 50) { totalCount }`,
      );
      expectRefused(await t.gql(`query { ${aliases.join(' ')} }`, {}, token()), 'maxTokens', 2000);
    });

    it('refuses documents of more than maxTokens tokens', async () => {
      const fields = Array.from({ length: 700 }, () => 'id name headline').join(' ');
      const res = await t.gql(`query { me { ${fields} } }`, {}, token());
      expectRefused(res, 'maxTokens', 2000);
      expect(onlyError(res).message).toBe('The operation has more than 2000 tokens.');
    });

    it('refuses more directives than maxDirectives', async () => {
      const fields = Array.from({ length: 51 }, () => 'id @include(if: true)').join(' ');
      expectRefused(await t.gql(`query { me { ${fields} } }`, {}, token()), 'maxDirectives', 50);
    });

    it('refuses operations costlier than maxCost: three nested connections of 100', async () => {
      const query = nested(3, 'name', (inner) => `connections(first: 100) { edges { node { ${inner} } } }`);
      const res = await t.gql(`query { me { ${query} } }`, {}, token());
      expectRefused(res, 'maxCost', 10000);
      expect(onlyError(res).message).toMatch(/^The operation costs \d+; at most 10000 is allowed\.$/);
    });

    it('counts `first` given in variables, and prices network searches by degree', async () => {
      const query = `query($first: Int) { me { connections(first: $first) { edges { node {
        connections(first: $first) { edges { node { connections(first: $first) { totalCount } } } } } } } } }`;
      expectRefused(await t.gql(query, { first: 100 }, token()), 'maxCost', 10000);
      const shortlists = (degree: number) =>
        Array.from(
          { length: 10 },
          (_, i) => `s${i}: supplierShortlist(categoryId: "metals", maxDegree: ${degree}, first: 1) { totalCount }`,
        ).join(' ');
      expectRefused(await t.gql(`query { ${shortlists(3)} }`, {}, token()), 'maxCost', 10000);
      const cheap = await t.gql(`query { ${shortlists(1)} }`, {}, token());
      expect((cheap.errors ?? []).map((e) => e.extensions.code)).not.toContain('QUERY_TOO_COMPLEX');
    });

    it('lets the standard introspection query through', async () => {
      const res = await t.gql(getIntrospectionQuery(), {}, token());
      expect(res.errors).toBeUndefined();
      expect(res.data!.__schema.queryType.name).toBe('Query');
    });
  });

  it('refuses an over-limit operation over HTTP GET too', async () => {
    const res = await t
      .http()
      .get('/graphql')
      .query({ query: fragmentBomb(24) })
      .set('apollo-require-preflight', '1');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'maxSelections', max: 5000 });
  });

  it('lets through the deepest nesting the schema itself leads to', async () => {
    // me → a sourcing request → its suggested suppliers → their evidence → a trade's feedback author: 14 levels.
    const deepest = `query { me { sourcingRequestsForMe(first: 1) { edges { node { suggestedSuppliers(first: 1) {
      edges { node { evidence(first: 1) { edges { node { trade { feedback { author { name } } } } } } } } } } } } } }`;
    const res = await t.gql(deepest, {}, person.token);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ me: { sourcingRequestsForMe: { edges: [] } } });
  });

  describe('ordinary front-end operations', () => {
    it('passes the README example operations', async () => {
      const admin = await newPerson(t, { password: 'a long password' });
      const supplier = await newOrganization(t, admin);
      await newEmployment(t, person, supplier, { approvedBy: admin });
      const login = await t.gql(
        `mutation { login(input: { email: "${admin.email}", password: "a long password" }) {
          accessToken refreshToken expiresIn person { id name } } }`,
      );
      expect(login.errors).toBeUndefined();
      const operations = [
        `query { me { name employments(first: 5) { totalCount edges { node { title status organization { name
           suppliedCategories { name parent { name } }
           members(first: 10) { totalCount edges { node { title person { name } } } } } } }
           pageInfo { hasNextPage endCursor } } } }`,
        'query { categories { id name children { id name } } }',
        `query { networkTradersWith(supplierId: "${supplier.id}", maxDegree: 2, first: 3) { totalCount
           edges { node { degree tradeCount lastTradedOn averageRating person { name } path { name } organization { name } } } } }`,
        `query { supplierShortlist(categoryId: "metals", maxDegree: 2, first: 3) { totalCount edges { node { score supplier { name }
           evidence(first: 5) { totalCount edges { node { kind degree contribution person { name }
             endorsement { rating verified } trade { occurredOn } referral { message } } } } } }
           pageInfo { hasNextPage endCursor } } }`,
        'query { me { sourcingRequestsForMe { edges { node { id description } } } introductionsToHandle(first: 5) { edges { node { id message requester { name } } } } } }',
        'query { notifications(unreadOnly: true) { edges { node { id kind } } } unreadNotificationCount }',
        `query { networkTradeSummary(supplierId: "${supplier.id}") { maxDegree total } }`,
      ];
      for (const query of operations) {
        const res = await t.gql(query, {}, person.token);
        expect({ query, errors: res.errors }).toEqual({ query, errors: undefined });
      }
    });
  });

  // Last: another app on the same databases empties them.
  it('takes its limits from the configuration, and can hide field suggestions', async () => {
    const strict = await createTestApp({
      GRAPHQL_FIELD_SUGGESTIONS: 'false',
      GRAPHQL_MAX_ALIASES: '1',
      GRAPHQL_MAX_DEPTH: '3',
      GRAPHQL_MAX_COST: '50',
    });
    try {
      const misspelt = onlyError(await strict.gql('query { me { nam } }'));
      expect(misspelt.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(misspelt.message).not.toMatch(/Did you mean/);
      expect(onlyError(await t.gql('query { me { nam } }')).message).toMatch(/Did you mean "name"/);
      expectRefused(await strict.gql('query { a: __typename b: me { id } c: me { id } }'), 'maxAliases', 1);
      expectRefused(await strict.gql('query { me { employments { edges { node { id } } } } }'), 'maxDepth', 3);
      expectRefused(await strict.gql('query { me { connections(first: 51) { totalCount } } }'), 'maxCost', 50);
    } finally {
      await strict.close();
    }
  });
});
