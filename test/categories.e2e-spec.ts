import { CATEGORY_TAXONOMY } from '../libs/graph/src/migrations/category-taxonomy.js';
import { newOrganization, newPerson, TestPerson } from './support/factories.js';
import { createTestApp, onlyError, TestApp } from './support/test-app.js';

const CATEGORIES = `query {
  categories { id name parent { id } children { id name parent { id name } children { id } } }
}`;
const SET_CATEGORIES = `mutation SetCategories($organizationId: ID!, $categoryIds: [ID!]!) {
  setSuppliedCategories(organizationId: $organizationId, categoryIds: $categoryIds) { id }
}`;
const SUPPLIED = `query Supplied($id: ID!) {
  organization(id: $id) {
    suppliedCategories { id name parent { id name parent { id } } children { id name } }
  }
}`;

describe('categories', () => {
  let t: TestApp;
  let viewer: TestPerson;
  beforeAll(async () => {
    t = await createTestApp();
    viewer = await newPerson(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const roots = async () => {
    const res = await t.gql(CATEGORIES, {}, viewer.token);
    expect(res.errors).toBeUndefined();
    return res.data!.categories as any[];
  };

  it('lists the root categories in taxonomy order, each with its children nested in taxonomy order', async () => {
    expect(await roots()).toEqual(
      CATEGORY_TAXONOMY.map((root) => ({
        id: root.id,
        name: root.name,
        parent: null,
        children: root.children.map((child) => ({
          id: child.id,
          name: child.name,
          parent: { id: root.id, name: root.name },
          children: [],
        })),
      })),
    );
  });

  it('has about ten roots with three to eight children each, and no id twice', async () => {
    const list = await roots();
    expect(list.length).toBeGreaterThanOrEqual(8);
    expect(list.length).toBeLessThanOrEqual(12);
    for (const root of list) {
      expect(root.children.length).toBeGreaterThanOrEqual(3);
      expect(root.children.length).toBeLessThanOrEqual(8);
    }
    const ids = list.flatMap((root) => [root.id, ...root.children.map((child: { id: string }) => child.id)]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))).toBe(true);
  });

  it('keeps the stable ids clients rely on', async () => {
    const list = await roots();
    const metals = list.find((root) => root.id === 'metals');
    expect(metals).toMatchObject({ name: 'Metals', parent: null });
    expect(metals.children).toContainEqual({
      id: 'metals-fasteners',
      name: 'Fasteners',
      parent: { id: 'metals', name: 'Metals' },
      children: [],
    });
    expect(list.map((root) => root.id)).toEqual(
      expect.arrayContaining(['chemicals', 'metals', 'packaging', 'textiles', 'logistics-services']),
    );
  });

  it('resolves parent and children for categories reached through an organization', async () => {
    const admin = await newPerson(t);
    const organization = await newOrganization(t, admin);
    const set = await t.gql(
      SET_CATEGORIES,
      { organizationId: organization.id, categoryIds: ['metals-fasteners', 'packaging'] },
      admin.token,
    );
    expect(set.errors).toBeUndefined();
    const res = await t.gql(SUPPLIED, { id: organization.id }, viewer.token);
    expect(res.errors).toBeUndefined();
    const packaging = CATEGORY_TAXONOMY.find((root) => root.id === 'packaging')!;
    expect(res.data!.organization.suppliedCategories).toEqual([
      {
        id: 'metals-fasteners',
        name: 'Fasteners',
        parent: { id: 'metals', name: 'Metals', parent: null },
        children: [],
      },
      {
        id: 'packaging',
        name: 'Packaging',
        parent: null,
        children: packaging.children.map((child) => ({ id: child.id, name: child.name })),
      },
    ]);
  });

  it('is not changed by what organizations supply', async () => {
    const before = await roots();
    const [row] = await t.neo4j.read<{ n: number }>('MATCH (c:Category) RETURN count(c) AS n');
    const admin = await newPerson(t);
    await newOrganization(t, admin, { categoryIds: ['metals-steel', 'textiles'] });
    expect(await roots()).toEqual(before);
    const [after] = await t.neo4j.read<{ n: number }>('MATCH (c:Category) RETURN count(c) AS n');
    expect(after.n).toBe(row.n);
    expect(row.n).toBe(CATEGORY_TAXONOMY.reduce((sum, root) => sum + 1 + root.children.length, 0));
  });

  it('requires a signed-in caller', async () => {
    const res = await t.gql(CATEGORIES);
    expect(onlyError(res).extensions.code).toBe('UNAUTHENTICATED');
    expect(res.data).toBeNull();
  });
});
