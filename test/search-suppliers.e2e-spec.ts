import { newPerson, TestPerson } from './support/factories.js';
import { createTestApp, onlyError, TestApp } from './support/test-app.js';

const SEARCH = `query($text: String, $categoryId: ID, $country: String, $first: Int, $after: String) {
  searchSuppliers(text: $text, categoryId: $categoryId, country: $country, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { name } }
  }
}`;

describe('searchSuppliers', () => {
  let t: TestApp;
  let viewer: TestPerson;

  const create = async (name: string, description: string, roles: string[], country: string, categoryIds: string[]) => {
    const res = await t.gql(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
      { input: { name, description, roles, country, creatorTitle: 'Owner' } },
      viewer.token,
    );
    const id = res.data!.createOrganization.id;
    if (categoryIds.length > 0) {
      await t.gql(
        `mutation($id: ID!, $c: [ID!]!) { setSuppliedCategories(organizationId: $id, categoryIds: $c) { id } }`,
        { id, c: categoryIds },
        viewer.token,
      );
    }
  };
  const names = (res: any) => res.data!.searchSuppliers.edges.map((edge: any) => edge.node.name);

  beforeAll(async () => {
    t = await createTestApp();
    viewer = await newPerson(t);
    await create('Nordstahl Fasteners', 'Cold-formed steel bolts and screws', ['SUPPLIER'], 'DE', ['metals-fasteners']);
    await create('Alpenguss', 'Aluminium and steel castings for pumps', ['SUPPLIER'], 'AT', ['metals-castings']);
    await create('Baltic Polymers', 'Engineering resins; also some steel inserts', ['SUPPLIER'], 'SE', [
      'plastics-resins',
    ]);
    await create('Steel Buyers Club', 'We only buy steel', ['BUYER'], 'DE', []);
    await create('Zeta Bolts', 'Fasteners of every kind', ['BUYER', 'SUPPLIER'], 'PL', ['metals-fasteners']);
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists only SUPPLIER organizations, by name, without filters', async () => {
    const res = await t.gql(SEARCH, {}, viewer.token);
    expect(names(res)).toEqual(['Alpenguss', 'Baltic Polymers', 'Nordstahl Fasteners', 'Zeta Bolts']);
    expect(res.data!.searchSuppliers.totalCount).toBe(4);
  });

  it('matches text in names and descriptions, most relevant first, including word prefixes', async () => {
    const steel = names(await t.gql(SEARCH, { text: 'steel' }, viewer.token));
    expect(steel).toHaveLength(3);
    expect(steel).not.toContain('Steel Buyers Club');
    expect(names(await t.gql(SEARCH, { text: 'fasten' }, viewer.token))).toEqual(['Nordstahl Fasteners', 'Zeta Bolts']);
    expect(names(await t.gql(SEARCH, { text: 'Nordstahl' }, viewer.token))).toEqual(['Nordstahl Fasteners']);
  });

  it('treats Lucene syntax in the text as plain characters', async () => {
    const res = await t.gql(SEARCH, { text: 'steel) OR (*:*' }, viewer.token);
    expect(res.errors).toBeUndefined();
    expect(names(res).length).toBeLessThanOrEqual(3);
  });

  it('filters by category including its subcategories, and by country', async () => {
    expect(names(await t.gql(SEARCH, { categoryId: 'metals' }, viewer.token))).toEqual([
      'Alpenguss',
      'Nordstahl Fasteners',
      'Zeta Bolts',
    ]);
    expect(names(await t.gql(SEARCH, { categoryId: 'metals-fasteners', country: 'pl' }, viewer.token))).toEqual([
      'Zeta Bolts',
    ]);
    expect(names(await t.gql(SEARCH, { text: 'steel', categoryId: 'plastics-rubber' }, viewer.token))).toEqual([
      'Baltic Polymers',
    ]);
  });

  it('paginates with cursors', async () => {
    const first = await t.gql(SEARCH, { first: 3 }, viewer.token);
    expect(names(first)).toEqual(['Alpenguss', 'Baltic Polymers', 'Nordstahl Fasteners']);
    expect(first.data!.searchSuppliers.pageInfo.hasNextPage).toBe(true);
    const next = await t.gql(SEARCH, { first: 3, after: first.data!.searchSuppliers.pageInfo.endCursor }, viewer.token);
    expect(names(next)).toEqual(['Zeta Bolts']);
    expect(next.data!.searchSuppliers.pageInfo.hasNextPage).toBe(false);
  });

  it.each([
    [{ categoryId: 'nope' }, 'NOT_FOUND', 'categoryId'],
    [{ country: 'Germany' }, 'BAD_USER_INPUT', 'country'],
    [{ text: 'x'.repeat(201) }, 'BAD_USER_INPUT', 'text'],
    [{ first: 0 }, 'BAD_USER_INPUT', 'first'],
  ])('rejects %p with %s on %s', async (variables, code, field) => {
    expect(onlyError(await t.gql(SEARCH, variables, viewer.token)).extensions).toEqual({ code, field });
  });
});
