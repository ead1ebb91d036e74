import { Organization, OrganizationRole } from '#tradegraph/organizations';
import { newEmployment, newOrganization, newPerson, TestPerson } from './support/factories.js';
import { createTestApp, onlyError, TestApp } from './support/test-app.js';

const ORGANIZATION_FIELDS = `id name country roles website description suppliedCategories { id name parent { id } }`;

const CREATE = `mutation Create($input: CreateOrganizationInput!) {
  createOrganization(input: $input) {
    ${ORGANIZATION_FIELDS}
    members { totalCount edges { node { title status isAdmin startedOn endedOn person { id } organization { id } } } }
    pendingEmployments { totalCount edges { node { id } } }
  }
}`;
const UPDATE = `mutation Update($id: ID!, $input: UpdateOrganizationInput!) {
  updateOrganization(id: $id, input: $input) { ${ORGANIZATION_FIELDS} }
}`;
const SET_CATEGORIES = `mutation SetCategories($organizationId: ID!, $categoryIds: [ID!]!) {
  setSuppliedCategories(organizationId: $organizationId, categoryIds: $categoryIds) { ${ORGANIZATION_FIELDS} }
}`;
const ORGANIZATION = `query Organization($id: ID!) { organization(id: $id) { ${ORGANIZATION_FIELDS} } }`;

const createInput = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  name: `Acme ${Math.random().toString(36).slice(2, 8)}`,
  country: 'DE',
  roles: ['BUYER', 'SUPPLIER'],
  creatorTitle: 'Managing Director',
  ...overrides,
});

describe('organizations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const count = async (cypher: string, params: Record<string, unknown> = {}) =>
    (await t.neo4j.read<{ n: number }>(cypher, params))[0].n;
  const countOrganizations = () => count('MATCH (o:Organization) RETURN count(o) AS n');
  const countEmployments = () => count('MATCH ()-[e:WORKS_AT]->() RETURN count(e) AS n');
  const suppliedIds = async (organizationId: string) =>
    (
      await t.neo4j.read<{ id: string }>(
        'MATCH (:Organization {id: $organizationId})-[:SUPPLIES]->(c:Category) RETURN c.id AS id ORDER BY id',
        { organizationId },
      )
    ).map((row) => row.id);
  const fetchOrganization = async (id: string, token: string) => {
    const res = await t.gql(ORGANIZATION, { id }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.organization;
  };

  /**
   * The wrong actors for an admin-only operation on `organization`: someone with no tie to it,
   * someone whose request is still pending, an approved member who is not admin, a member whose
   * employment has ended, and the admin of a different organization.
   */
  async function wrongActors(org: Organization, admin: TestPerson) {
    const outsider = await newPerson(t, { name: 'Outsider' });
    const pending = await newPerson(t, { name: 'Pending requester' });
    await newEmployment(t, pending, org);
    const member = await newPerson(t, { name: 'Plain member' });
    await newEmployment(t, member, org, { approvedBy: admin });
    const former = await newPerson(t, { name: 'Former member' });
    const formerEmployment = await newEmployment(t, former, org, { approvedBy: admin });
    const ended = await t.gql(
      `mutation End($id: ID!) { endEmployment(employmentId: $id) { status } }`,
      { id: formerEmployment.id },
      former.token,
    );
    expect(ended.data!.endEmployment.status).toBe('ENDED');
    const otherAdmin = await newPerson(t, { name: 'Admin elsewhere' });
    await newOrganization(t, otherAdmin);
    return [
      ['a person with no tie to the organization', outsider],
      ['a person whose employment request is pending', pending],
      ['an approved member who is not admin', member],
      ['a former member', former],
      ['the admin of another organization', otherAdmin],
    ] as const;
  }

  describe('createOrganization', () => {
    it('creates the organization and makes the creator its approved admin with the creator title', async () => {
      const creator = await newPerson(t);
      const res = await t.gql(
        CREATE,
        {
          input: createInput({
            name: '  Acme Fasteners GmbH  ',
            country: ' de ',
            roles: ['SUPPLIER'],
            website: ' https://acme.example/about ',
            description: '  Bolts, nuts and washers.  ',
            creatorTitle: '  Founder  ',
          }),
        },
        creator.token,
      );
      expect(res.errors).toBeUndefined();
      const created = res.data!.createOrganization;
      expect(created).toEqual({
        id: expect.any(String),
        name: 'Acme Fasteners GmbH',
        country: 'DE',
        roles: ['SUPPLIER'],
        website: 'https://acme.example/about',
        description: 'Bolts, nuts and washers.',
        suppliedCategories: [],
        members: {
          totalCount: 1,
          edges: [
            {
              node: {
                title: 'Founder',
                status: 'APPROVED',
                isAdmin: true,
                startedOn: null,
                endedOn: null,
                person: { id: creator.id },
                organization: { id: created.id },
              },
            },
          ],
        },
        pendingEmployments: { totalCount: 0, edges: [] },
      });

      const { id, members: _members, pendingEmployments: _pending, ...stored } = created;
      expect(await fetchOrganization(id, creator.token)).toEqual({ id, ...stored });
      // Anyone signed in can look the organization up.
      const stranger = await newPerson(t);
      expect((await fetchOrganization(id, stranger.token)).name).toBe('Acme Fasteners GmbH');
    });

    it('leaves website and description null when they are omitted or null, and a blank description too', async () => {
      const creator = await newPerson(t);
      for (const optional of [{}, { website: null, description: null }, { description: '   ' }]) {
        const res = await t.gql(CREATE, { input: createInput(optional) }, creator.token);
        expect(res.errors).toBeUndefined();
        expect(res.data!.createOrganization).toMatchObject({ website: null, description: null });
      }
    });

    it('accepts the longest allowed name and description', async () => {
      const creator = await newPerson(t);
      const input = createInput({ name: 'n'.repeat(200), description: 'd'.repeat(2000), website: 'http://a.example' });
      const res = await t.gql(CREATE, { input }, creator.token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.createOrganization).toMatchObject({ name: input.name, description: input.description });
    });

    it.each([
      [{ name: '' }, 'input.name'],
      [{ name: '    ' }, 'input.name'],
      [{ name: 'n'.repeat(201) }, 'input.name'],
      [{ country: 'XX' }, 'input.country'],
      [{ country: 'Germany' }, 'input.country'],
      [{ country: '' }, 'input.country'],
      [{ roles: [] }, 'input.roles'],
      [{ roles: ['BUYER', 'BUYER'] }, 'input.roles'],
      [{ website: 'acme.example' }, 'input.website'],
      [{ website: 'ftp://acme.example' }, 'input.website'],
      [{ website: 'javascript:alert(1)' }, 'input.website'],
      [{ website: `https://acme.example/${'a'.repeat(2048)}` }, 'input.website'],
      [{ description: 'd'.repeat(2001) }, 'input.description'],
      [{ creatorTitle: '' }, 'input.creatorTitle'],
      [{ creatorTitle: '   ' }, 'input.creatorTitle'],
      [{ creatorTitle: 't'.repeat(101) }, 'input.creatorTitle'],
    ])('rejects %p with BAD_USER_INPUT on %s and stores nothing', async (overrides, field) => {
      const creator = await newPerson(t);
      const [organizationsBefore, employmentsBefore] = [await countOrganizations(), await countEmployments()];
      const res = await t.gql(CREATE, { input: createInput(overrides) }, creator.token);
      expect(onlyError(res).extensions).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(res.data).toBeNull();
      expect([await countOrganizations(), await countEmployments()]).toEqual([organizationsBefore, employmentsBefore]);
    });

    it('rejects a role that does not exist with BAD_USER_INPUT', async () => {
      const creator = await newPerson(t);
      const before = await countOrganizations();
      const res = await t.gql(CREATE, { input: createInput({ roles: ['RESELLER'] }) }, creator.token);
      expect(onlyError(res).extensions.code).toBe('BAD_USER_INPUT');
      expect(await countOrganizations()).toBe(before);
    });

    it('requires a signed-in caller', async () => {
      const before = await countOrganizations();
      const res = await t.gql(CREATE, { input: createInput() });
      expect(onlyError(res).extensions.code).toBe('UNAUTHENTICATED');
      expect(res.data).toBeNull();
      expect(await countOrganizations()).toBe(before);
    });
  });

  describe('organization query', () => {
    it('returns null, without an error, for an unknown id', async () => {
      const viewer = await newPerson(t);
      const res = await t.gql(ORGANIZATION, { id: 'no-such-organization' }, viewer.token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.organization).toBeNull();
    });

    it('requires a signed-in caller', async () => {
      const owner = await newPerson(t);
      const organization = await newOrganization(t, owner);
      expect(onlyError(await t.gql(ORGANIZATION, { id: organization.id })).extensions.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('updateOrganization', () => {
    it('drops the supplied categories of an organization that stops being a SUPPLIER', async () => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin, { categoryIds: ['metals-steel'] });
      const res = await t.gql(UPDATE, { id: organization.id, input: { roles: ['BUYER'] } }, admin.token);
      expect(res.data!.updateOrganization).toMatchObject({ roles: ['BUYER'], suppliedCategories: [] });
      const kept = await t.gql(UPDATE, { id: organization.id, input: { name: 'Renamed' } }, admin.token);
      expect(kept.data!.updateOrganization.roles).toEqual(['BUYER']);
    });

    it('lets an admin change some fields and keeps the omitted ones', async () => {
      const admin = await newPerson(t);
      const created = await t.gql(
        CREATE,
        { input: createInput({ website: 'https://old.example', description: 'Old description' }) },
        admin.token,
      );
      const organization = created.data!.createOrganization;

      const renamed = await t.gql(
        UPDATE,
        { id: organization.id, input: { name: '  New Name AG ', country: 'ch' } },
        admin.token,
      );
      expect(renamed.errors).toBeUndefined();
      expect(renamed.data!.updateOrganization).toEqual({
        id: organization.id,
        name: 'New Name AG',
        country: 'CH',
        roles: ['BUYER', 'SUPPLIER'],
        website: 'https://old.example',
        description: 'Old description',
        suppliedCategories: [],
      });

      const moreChanges = await t.gql(
        UPDATE,
        { id: organization.id, input: { roles: ['BUYER'], website: 'http://new.example/', description: 'New' } },
        admin.token,
      );
      expect(moreChanges.errors).toBeUndefined();
      expect(moreChanges.data!.updateOrganization).toMatchObject({
        name: 'New Name AG',
        country: 'CH',
        roles: ['BUYER'],
        website: 'http://new.example/',
        description: 'New',
      });
      expect(await fetchOrganization(organization.id, admin.token)).toEqual(moreChanges.data!.updateOrganization);
    });

    it('clears website and description when they are set to null, and a blank description', async () => {
      const admin = await newPerson(t);
      const created = await t.gql(
        CREATE,
        { input: createInput({ website: 'https://acme.example', description: 'Something' }) },
        admin.token,
      );
      const { id } = created.data!.createOrganization;
      const cleared = await t.gql(UPDATE, { id, input: { website: null, description: null } }, admin.token);
      expect(cleared.errors).toBeUndefined();
      expect(cleared.data!.updateOrganization).toMatchObject({ website: null, description: null });
      expect(await fetchOrganization(id, admin.token)).toMatchObject({ website: null, description: null });

      await t.gql(UPDATE, { id, input: { description: 'Again' } }, admin.token);
      const emptied = await t.gql(UPDATE, { id, input: { description: '  ' } }, admin.token);
      expect(emptied.errors).toBeUndefined();
      expect(emptied.data!.updateOrganization).toMatchObject({ description: null });
    });

    it('returns the organization unchanged for an empty input', async () => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin);
      const before = await fetchOrganization(organization.id, admin.token);
      const res = await t.gql(UPDATE, { id: organization.id, input: {} }, admin.token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.updateOrganization).toEqual(before);
    });

    it.each([
      [{ name: null }, 'input.name'],
      [{ name: '' }, 'input.name'],
      [{ name: '   ' }, 'input.name'],
      [{ name: 'n'.repeat(201) }, 'input.name'],
      [{ country: null }, 'input.country'],
      [{ country: 'XX' }, 'input.country'],
      [{ country: 'deu' }, 'input.country'],
      [{ roles: null }, 'input.roles'],
      [{ roles: [] }, 'input.roles'],
      [{ roles: ['SUPPLIER', 'SUPPLIER'] }, 'input.roles'],
      [{ website: 'www.acme.example' }, 'input.website'],
      [{ website: 'mailto:sales@acme.example' }, 'input.website'],
      [{ description: 'd'.repeat(2001) }, 'input.description'],
    ])('rejects %p with BAD_USER_INPUT on %s and changes nothing', async (input, field) => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin);
      const before = await fetchOrganization(organization.id, admin.token);
      const res = await t.gql(UPDATE, { id: organization.id, input }, admin.token);
      expect(onlyError(res).extensions).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(res.data).toBeNull();
      expect(await fetchOrganization(organization.id, admin.token)).toEqual(before);
    });

    it('answers NOT_FOUND on "id" for an unknown organization', async () => {
      const person = await newPerson(t);
      const res = await t.gql(UPDATE, { id: 'no-such-organization', input: { name: 'X' } }, person.token);
      expect(onlyError(res).extensions).toEqual({ code: 'NOT_FOUND', field: 'id' });
      expect(await count("MATCH (o:Organization {name: 'X'}) RETURN count(o) AS n")).toBe(0);
    });

    it('forbids everyone but its admins and changes nothing', async () => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin);
      const before = await fetchOrganization(organization.id, admin.token);
      for (const [who, actor] of await wrongActors(organization, admin)) {
        const res = await t.gql(
          UPDATE,
          { id: organization.id, input: { name: `Renamed by ${who}`, website: null } },
          actor.token,
        );
        expect([who, onlyError(res).extensions.code]).toEqual([who, 'FORBIDDEN']);
        expect(res.data).toBeNull();
      }
      expect(await fetchOrganization(organization.id, admin.token)).toEqual(before);
    });

    it('requires a signed-in caller', async () => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin);
      const res = await t.gql(UPDATE, { id: organization.id, input: { name: 'Anonymous' } });
      expect(onlyError(res).extensions.code).toBe('UNAUTHENTICATED');
      expect((await fetchOrganization(organization.id, admin.token)).name).toBe(organization.name);
    });
  });

  describe('setSuppliedCategories', () => {
    it('sets the supplied categories, listed by name with their parent', async () => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin, { roles: [OrganizationRole.SUPPLIER] });
      const res = await t.gql(
        SET_CATEGORIES,
        { organizationId: organization.id, categoryIds: ['metals-steel', 'metals-fasteners', 'packaging'] },
        admin.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.setSuppliedCategories.id).toBe(organization.id);
      expect(res.data!.setSuppliedCategories.suppliedCategories).toEqual([
        { id: 'metals-fasteners', name: 'Fasteners', parent: { id: 'metals' } },
        { id: 'packaging', name: 'Packaging', parent: null },
        { id: 'metals-steel', name: 'Steel', parent: { id: 'metals' } },
      ]);
      expect((await fetchOrganization(organization.id, admin.token)).suppliedCategories).toEqual(
        res.data!.setSuppliedCategories.suppliedCategories,
      );
    });

    it('replaces the previous set, collapses duplicates, and clears with an empty list', async () => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin, { categoryIds: ['metals-steel', 'metals-castings'] });
      expect(await suppliedIds(organization.id)).toEqual(['metals-castings', 'metals-steel']);

      const replaced = await t.gql(
        SET_CATEGORIES,
        { organizationId: organization.id, categoryIds: ['textiles-nonwovens', 'metals-steel', 'textiles-nonwovens'] },
        admin.token,
      );
      expect(replaced.errors).toBeUndefined();
      expect(replaced.data!.setSuppliedCategories.suppliedCategories.map((c: { id: string }) => c.id)).toEqual([
        'textiles-nonwovens',
        'metals-steel',
      ]);
      expect(await suppliedIds(organization.id)).toEqual(['metals-steel', 'textiles-nonwovens']);

      const cleared = await t.gql(SET_CATEGORIES, { organizationId: organization.id, categoryIds: [] }, admin.token);
      expect(cleared.errors).toBeUndefined();
      expect(cleared.data!.setSuppliedCategories.suppliedCategories).toEqual([]);
      expect(await suppliedIds(organization.id)).toEqual([]);
    });

    it.each([[[]], [['metals-steel']]])(
      'ends up with exactly one of the requested sets when admins replace %p concurrently',
      async (initial: string[]) => {
        const admin = await newPerson(t);
        const organization = await newOrganization(t, admin, { categoryIds: initial });
        const sets = [
          ['packaging-labels', 'packaging-pallets'],
          ['textiles-nonwovens', 'textiles-technical'],
          ['chemicals-solvents', 'chemicals-specialty'],
          ['metals-castings', 'metals-forgings'],
          ['logistics-air-freight', 'logistics-warehousing'],
          ['machinery-industrial-robots', 'machinery-machine-tools'],
        ];
        const results = await Promise.all(
          [...sets, ...sets].map((categoryIds) =>
            t.gql(SET_CATEGORIES, { organizationId: organization.id, categoryIds }, admin.token),
          ),
        );
        expect(results.map((res) => res.errors)).toEqual(Array(12).fill(undefined));
        const [row] = await t.neo4j.read<{ n: number }>(
          'MATCH (:Organization {id: $id})-[r:SUPPLIES]->() RETURN count(r) AS n',
          { id: organization.id },
        );
        expect(row.n).toBe(2);
        expect(sets.map((set) => [...set].sort())).toContainEqual(await suppliedIds(organization.id));
      },
    );

    it('lists each organization’s own categories when several are read in one request', async () => {
      const admin = await newPerson(t);
      const first = await newOrganization(t, admin, { categoryIds: ['packaging-labels', 'metals-steel'] });
      const second = await newOrganization(t, admin, { categoryIds: ['textiles'] });
      const third = await newOrganization(t, admin);
      const res = await t.gql(
        `query Three($a: ID!, $b: ID!, $c: ID!) {
           a: organization(id: $a) { suppliedCategories { id } }
           b: organization(id: $b) { suppliedCategories { id } }
           c: organization(id: $c) { suppliedCategories { id } }
         }`,
        { a: first.id, b: second.id, c: third.id },
        admin.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({
        a: { suppliedCategories: [{ id: 'packaging-labels' }, { id: 'metals-steel' }] },
        b: { suppliedCategories: [{ id: 'textiles' }] },
        c: { suppliedCategories: [] },
      });
    });

    it('does not touch what other organizations supply', async () => {
      const admin = await newPerson(t);
      const first = await newOrganization(t, admin, { categoryIds: ['metals-steel'] });
      const second = await newOrganization(t, admin, { categoryIds: ['metals-steel', 'packaging-labels'] });
      const res = await t.gql(SET_CATEGORIES, { organizationId: first.id, categoryIds: [] }, admin.token);
      expect(res.errors).toBeUndefined();
      expect(await suppliedIds(second.id)).toEqual(['metals-steel', 'packaging-labels']);
    });

    it('rejects an unknown category with BAD_USER_INPUT on "categoryIds" naming it, and keeps the previous set', async () => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin, { categoryIds: ['metals-steel'] });
      const res = await t.gql(
        SET_CATEGORIES,
        { organizationId: organization.id, categoryIds: ['metals-fasteners', 'unobtainium'] },
        admin.token,
      );
      const error = onlyError(res);
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'categoryIds' });
      expect(error.message).toContain('unobtainium');
      expect(error.message).not.toContain('metals-fasteners');
      expect(res.data).toBeNull();
      expect(await suppliedIds(organization.id)).toEqual(['metals-steel']);
    });

    it('refuses categories for an organization without the SUPPLIER role, but accepts an empty list', async () => {
      const admin = await newPerson(t);
      const buyer = await newOrganization(t, admin, { roles: [OrganizationRole.BUYER] });
      const res = await t.gql(SET_CATEGORIES, { organizationId: buyer.id, categoryIds: ['metals-steel'] }, admin.token);
      expect(onlyError(res).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'categoryIds' });
      expect(await suppliedIds(buyer.id)).toEqual([]);

      const empty = await t.gql(SET_CATEGORIES, { organizationId: buyer.id, categoryIds: [] }, admin.token);
      expect(empty.errors).toBeUndefined();
      expect(empty.data!.setSuppliedCategories.suppliedCategories).toEqual([]);
    });

    it('answers NOT_FOUND on "organizationId" for an unknown organization', async () => {
      const person = await newPerson(t);
      const res = await t.gql(
        SET_CATEGORIES,
        { organizationId: 'no-such-organization', categoryIds: ['metals-steel'] },
        person.token,
      );
      expect(onlyError(res).extensions).toEqual({ code: 'NOT_FOUND', field: 'organizationId' });
    });

    it('forbids everyone but its admins and changes nothing', async () => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin, { categoryIds: ['metals-steel'] });
      for (const [who, actor] of await wrongActors(organization, admin)) {
        for (const categoryIds of [['packaging-labels'], []]) {
          const res = await t.gql(SET_CATEGORIES, { organizationId: organization.id, categoryIds }, actor.token);
          expect([who, onlyError(res).extensions.code]).toEqual([who, 'FORBIDDEN']);
        }
      }
      expect(await suppliedIds(organization.id)).toEqual(['metals-steel']);
    });

    it('requires a signed-in caller', async () => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin);
      const res = await t.gql(SET_CATEGORIES, { organizationId: organization.id, categoryIds: ['metals-steel'] });
      expect(onlyError(res).extensions.code).toBe('UNAUTHENTICATED');
      expect(await suppliedIds(organization.id)).toEqual([]);
    });
  });
});
