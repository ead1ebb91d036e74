import { newEmployment, newPerson, TestPerson } from './support/factories.js';
import { createTestApp, GqlResponse, TestApp } from './support/test-app.js';

const CREATE = `mutation Create($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const UPDATE = `mutation Update($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id } }`;
const SET_CATEGORIES = `mutation Set($id: ID!, $categoryIds: [ID!]!) {
  setSuppliedCategories(organizationId: $id, categoryIds: $categoryIds) { id }
}`;
const RECORD = `mutation Record($input: RecordTradeInput!) { recordTrade(input: $input) { id } }`;
const REFER = `mutation Refer($input: ReferSupplierInput!) { referSupplier(input: $input) { id } }`;
const AUDIT_LOG = `query Audit($id: ID!, $first: Int, $after: String) {
  organization(id: $id) {
    auditLog(first: $first, after: $after) {
      totalCount
      edges { cursor node { id action targetId occurredAt details actor { id name } } }
      pageInfo { hasNextPage hasPreviousPage endCursor }
    }
  }
}`;
const STEEL = 'metals-steel';

const ok = (res: GqlResponse, name: string) => {
  expect(res.errors).toBeUndefined();
  return res.data![name];
};

describe('Organization.auditLog', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const createOrganization = async (admin: TestPerson, name: string) =>
    ok(
      await t.gql(
        CREATE,
        { input: { name, country: 'DE', roles: ['BUYER', 'SUPPLIER'], creatorTitle: 'Founder' } },
        admin.token,
      ),
      'createOrganization',
    ).id as string;
  const auditLog = async (organizationId: string, viewer: TestPerson, page: Record<string, unknown> = {}) => {
    const res = await t.gql(AUDIT_LOG, { id: organizationId, ...page }, viewer.token);
    expect(res.errors).toBeUndefined();
    return res.data!.organization.auditLog;
  };
  const actionsOf = (log: any) => log.edges.map((edge: any) => edge.node.action);

  /** Two organizations, each created and changed by its admin over GraphQL, and a trade between them. */
  async function twoOrganizations() {
    const admin = await newPerson(t, { name: 'Admin A' });
    const otherAdmin = await newPerson(t, { name: 'Admin B' });
    const a = await createOrganization(admin, 'Alpha');
    const b = await createOrganization(otherAdmin, 'Beta');
    ok(await t.gql(UPDATE, { id: a, input: { name: 'Alpha GmbH' } }, admin.token), 'updateOrganization');
    ok(await t.gql(UPDATE, { id: b, input: { name: 'Beta AG' } }, otherAdmin.token), 'updateOrganization');
    ok(await t.gql(SET_CATEGORIES, { id: b, categoryIds: [STEEL] }, otherAdmin.token), 'setSuppliedCategories');
    const trade = ok(
      await t.gql(
        RECORD,
        {
          input: { buyerId: a, supplierId: b, categoryId: STEEL, occurredOn: '2025-03-01', amountBand: 'UNDER_10K' },
        },
        admin.token,
      ),
      'recordTrade',
    );
    return { admin, otherAdmin, a, b, trade };
  }

  it('shows an admin the entries about their organization, newest first, with who did what', async () => {
    const { admin, a, b, trade } = await twoOrganizations();
    const log = await auditLog(a, admin);
    expect(actionsOf(log)).toEqual(['recordTrade', 'updateOrganization', 'createOrganization']);
    expect(log.totalCount).toBe(3);
    const [recorded, updated, created] = log.edges.map((edge: any) => edge.node);
    expect(recorded).toMatchObject({ targetId: trade.id, actor: { id: admin.id, name: 'Admin A' } });
    expect(JSON.parse(recorded.details).input).toMatchObject({ buyerId: a, supplierId: b });
    expect(updated).toMatchObject({ targetId: a, actor: { id: admin.id } });
    expect(JSON.parse(updated.details)).toEqual({ id: a, input: { name: 'Alpha GmbH' } });
    expect(created).toMatchObject({ targetId: a, actor: { id: admin.id } });
    const times = log.edges.map((edge: any) => Date.parse(edge.node.occurredAt));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
  });

  it('shows the other organization only its own entries and the trade they share', async () => {
    const { otherAdmin, b } = await twoOrganizations();
    const log = await auditLog(b, otherAdmin);
    expect(actionsOf(log)).toEqual([
      'recordTrade',
      'setSuppliedCategories',
      'updateOrganization',
      'createOrganization',
    ]);
    expect(log.edges.some((edge: any) => edge.node.details.includes('Alpha GmbH'))).toBe(false);
  });

  it('pages through the entries with first and after', async () => {
    const { admin, a } = await twoOrganizations();
    const firstPage = await auditLog(a, admin, { first: 2 });
    expect(actionsOf(firstPage)).toEqual(['recordTrade', 'updateOrganization']);
    expect(firstPage.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const secondPage = await auditLog(a, admin, { first: 2, after: firstPage.pageInfo.endCursor });
    expect(actionsOf(secondPage)).toEqual(['createOrganization']);
    expect(secondPage.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(secondPage.totalCount).toBe(3);
  });

  it('is null for anyone but an admin of the organization', async () => {
    const { admin, otherAdmin, a } = await twoOrganizations();
    const member = await newPerson(t, { name: 'Plain member' });
    const organization = { id: a } as Parameters<typeof newEmployment>[2];
    await newEmployment(t, member, organization, { approvedBy: admin });
    const outsider = await newPerson(t, { name: 'Outsider' });
    for (const [who, viewer] of [
      ['a plain member', member],
      ['the admin of another organization', otherAdmin],
      ['a person with no tie to it', outsider],
    ] as const) {
      expect([who, await auditLog(a, viewer)]).toEqual([who, null]);
    }
  });

  it('leaves out private exchanges between people that merely mention the organization', async () => {
    const { admin, otherAdmin, b } = await twoOrganizations();
    const colleague = await newPerson(t, { name: 'Colleague' });
    await t.neo4j.write(
      'MATCH (a:Person {id: $a}), (b:Person {id: $b}) CREATE (a)-[:CONNECTED_TO {since: datetime()}]->(b)',
      { a: admin.id, b: colleague.id },
    );
    ok(
      await t.gql(REFER, { input: { supplierId: b, toPersonId: colleague.id, categoryId: STEEL } }, admin.token),
      'referSupplier',
    );
    expect(actionsOf(await auditLog(b, otherAdmin))).not.toContain('referSupplier');
  });
});
