import {
  defaultOrganizationCount,
  DEMO_ACCOUNTS,
  DEMO_NETWORK,
  DEMO_ORGANIZATIONS,
  DEMO_PASSWORD,
  DemoSeeder,
} from '#tradegraph/demo';
import { newPerson } from './support/factories.js';
import { createTestApp, onlyError, TestApp } from './support/test-app.js';

const login = (t: TestApp, email: string, password: string) =>
  t.gql(`mutation($input: LoginInput!) { login(input: $input) { accessToken person { id name } } }`, {
    input: { email, password },
  });

describe('people', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('updates the caller’s own profile; null clears optional fields', async () => {
    const person = await newPerson(t, { headline: 'Buyer', country: 'FR' });
    const res = await t.gql(
      `mutation { updateProfile(input: { name: " Ada L. ", headline: null, country: "se" }) { id name headline country } }`,
      {},
      person.token,
    );
    expect(res.data!.updateProfile).toEqual({ id: person.id, name: 'Ada L.', headline: null, country: 'SE' });
    const read = await t.gql(
      `query($id: ID!) { person(id: $id) { name headline country } }`,
      { id: person.id },
      person.token,
    );
    expect(read.data!.person).toEqual({ name: 'Ada L.', headline: null, country: 'SE' });
  });

  it.each([
    ['name: null', 'input.name'],
    ['name: ""', 'input.name'],
    ['country: "Sweden"', 'input.country'],
    [`headline: "${'x'.repeat(201)}"`, 'input.headline'],
  ])('rejects %s with BAD_USER_INPUT on %s and changes nothing', async (change, field) => {
    const person = await newPerson(t, { name: 'Unchanged' });
    const res = await t.gql(`mutation { updateProfile(input: { ${change} }) { id } }`, {}, person.token);
    expect(onlyError(res).extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    const [row] = await t.neo4j.read<{ name: string; country: string }>(
      'MATCH (p:Person {id: $id}) RETURN p.name AS name, p.country AS country',
      { id: person.id },
    );
    expect(row).toEqual({ name: 'Unchanged', country: 'DE' });
  });

  it('returns null for an unknown person id', async () => {
    const person = await newPerson(t);
    expect((await t.gql(`query { person(id: "nobody") { id } }`, {}, person.token)).data!.person).toBeNull();
  });

  it('batches person lookups of one request', async () => {
    const people = await Promise.all([newPerson(t), newPerson(t), newPerson(t)]);
    const query = `query { ${people.map((p, i) => `p${i}: person(id: "${p.id}") { id name }`).join(' ')} }`;
    const res = await t.gql(query, {}, people[0].token);
    expect(Object.values(res.data!)).toEqual(people.map((p) => ({ id: p.id, name: p.name })));
  });
});

describe('the demo journey', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('seeds the demo dataset once, with working demo credentials', async () => {
    const seeder = t.app.get(DemoSeeder);
    expect(await seeder.seed()).toBe(true);
    expect(await seeder.seed()).toBe(false);
    const [counts] = await t.neo4j.read<{ people: number; organizations: number }>(
      'CALL () { MATCH (p:Person) RETURN count(p) AS people } CALL () { MATCH (o:Organization) RETURN count(o) AS organizations } RETURN people, organizations',
    );
    // The named demo data plus the generated network (see test/demo-network.e2e-spec.ts).
    expect(counts).toEqual({
      people: DEMO_ACCOUNTS.length + DEMO_NETWORK.people,
      organizations: DEMO_ORGANIZATIONS.length + defaultOrganizationCount(DEMO_NETWORK.people),
    });

    const res = await login(t, DEMO_ACCOUNTS[0].email, DEMO_PASSWORD);
    const me = await t.gql(
      `query { me { name emailVerified employments { edges { node { status isAdmin organization { name members { totalCount } } } } } } }`,
      {},
      res.data!.login.accessToken,
    );
    expect(me.data!.me.name).toBe(DEMO_ACCOUNTS[0].name);
    // Demo accounts may record, endorse and refer at once.
    expect(me.data!.me.emailVerified).toBe(true);
    expect(me.data!.me.employments.edges.map((edge: any) => edge.node)).toContainEqual({
      status: 'APPROVED',
      isAdmin: true,
      organization: { name: 'Cascade Machinery Inc.', members: { totalCount: 2 } },
    });
  });

  it('lets a person register, log in, create an organization and get an employment approved', async () => {
    const register = (email: string, name: string) =>
      t.gql(`mutation($input: RegisterInput!) { register(input: $input) { accessToken person { id } } }`, {
        input: { email, password: 'a strong password', name },
      });
    await register('owner@journey.example', 'Olga Owner');
    await register('member@journey.example', 'Max Member');
    const owner = (await login(t, 'owner@journey.example', 'a strong password')).data!.login.accessToken;
    const member = (await login(t, 'member@journey.example', 'a strong password')).data!.login.accessToken;

    const created = await t.gql(
      `mutation { createOrganization(input: { name: "Journey Metals", country: "at", roles: [SUPPLIER],
         website: "https://journey.example", creatorTitle: "CEO" }) { id country roles } }`,
      {},
      owner,
    );
    const organizationId = created.data!.createOrganization.id;
    expect(created.data!.createOrganization).toMatchObject({ country: 'AT', roles: ['SUPPLIER'] });
    await t.gql(
      `mutation($id: ID!) { setSuppliedCategories(organizationId: $id, categoryIds: ["metals-steel"]) { id } }`,
      { id: organizationId },
      owner,
    );

    const requested = await t.gql(
      `mutation($id: ID!) { requestEmployment(input: { organizationId: $id, title: "Sales", startedOn: "2024-05-01" }) { id status } }`,
      { id: organizationId },
      member,
    );
    expect(requested.data!.requestEmployment.status).toBe('PENDING');
    const approved = await t.gql(
      `mutation($id: ID!) { approveEmployment(employmentId: $id) { status person { name } organization { name suppliedCategories { id } } } }`,
      { id: requested.data!.requestEmployment.id },
      owner,
    );
    expect(approved.data!.approveEmployment).toEqual({
      status: 'APPROVED',
      person: { name: 'Max Member' },
      organization: { name: 'Journey Metals', suppliedCategories: [{ id: 'metals-steel' }] },
    });
    const members = await t.gql(
      `query($id: ID!) { organization(id: $id) { members { totalCount edges { node { title person { name } } } } } }`,
      { id: organizationId },
      member,
    );
    expect(members.data!.organization.members).toEqual({
      totalCount: 2,
      edges: [
        { node: { title: 'Sales', person: { name: 'Max Member' } } },
        { node: { title: 'CEO', person: { name: 'Olga Owner' } } },
      ],
    });
  });
});
