import { Organization } from '#tradegraph/organizations';
import { newEmployment, newOrganization, newPerson, TestPerson } from './support/factories.js';
import { createTestApp, GqlResponse, onlyError, TestApp } from './support/test-app.js';

const EMPLOYMENT_FIELDS = `id title status isAdmin startedOn endedOn person { id name } organization { id name }`;

const REQUEST = `mutation Request($input: RequestEmploymentInput!) {
  requestEmployment(input: $input) { ${EMPLOYMENT_FIELDS} }
}`;
const APPROVE = `mutation Approve($employmentId: ID!) { approveEmployment(employmentId: $employmentId) { ${EMPLOYMENT_FIELDS} } }`;
const END = `mutation End($employmentId: ID!, $endedOn: Date) {
  endEmployment(employmentId: $employmentId, endedOn: $endedOn) { ${EMPLOYMENT_FIELDS} }
}`;
const MEMBERS = `query Members($id: ID!, $first: Int, $after: String) {
  organization(id: $id) {
    members(first: $first, after: $after) {
      totalCount
      edges { cursor node { id title status isAdmin person { id name } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
}`;
const PENDING = `query Pending($id: ID!, $first: Int, $after: String) {
  organization(id: $id) {
    pendingEmployments(first: $first, after: $after) {
      totalCount
      edges { cursor node { id status person { id } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
}`;
const PERSON_EMPLOYMENTS = `query PersonEmployments($id: ID!) {
  person(id: $id) { id employments { id title status organization { id } } }
}`;
const UPDATE_ORGANIZATION = `mutation Update($id: ID!, $name: String!) { updateOrganization(id: $id, input: { name: $name }) { id } }`;

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('employment', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** The stored state of one employment, read straight from the graph. */
  const stored = async (employmentId: string) =>
    (
      await t.neo4j.read<{ status: string; endedOn: string | null; approvedBy: string | null; endedBy: string | null }>(
        `MATCH ()-[e:WORKS_AT {id: $employmentId}]->()
         RETURN e.status AS status, e.endedOn AS endedOn, e.approvedBy AS approvedBy, e.endedBy AS endedBy`,
        { employmentId },
      )
    )[0];
  const countEmployments = async (personId: string, organizationId: string) =>
    (
      await t.neo4j.read<{ n: number }>(
        'MATCH (:Person {id: $personId})-[e:WORKS_AT]->(:Organization {id: $organizationId}) RETURN count(e) AS n',
        { personId, organizationId },
      )
    )[0].n;
  const members = async (organizationId: string, token: string, page: { first?: number; after?: string } = {}) => {
    const res = await t.gql(MEMBERS, { id: organizationId, ...page }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.organization.members;
  };
  const memberIds = async (organizationId: string, token: string) =>
    (await members(organizationId, token, { first: 100 })).edges.map((edge: any) => edge.node.person.id);
  const requestVia = (person: TestPerson, organizationId: string, extra: Record<string, unknown> = {}) =>
    t.gql(REQUEST, { input: { organizationId, title: 'Buyer', ...extra } }, person.token);
  /** There is no mutation that grants admin rights yet, so tests promote a member in the graph. */
  const makeAdmin = (employmentId: string) =>
    t.neo4j.write('MATCH ()-[e:WORKS_AT {id: $employmentId}]->() SET e.isAdmin = true', { employmentId });

  /** An organization with its admin, and the people who must not administer it. */
  async function organizationWithOutsiders() {
    const admin = await newPerson(t, { name: 'Admin' });
    const organization = await newOrganization(t, admin);
    const outsider = await newPerson(t, { name: 'Outsider' });
    const member = await newPerson(t, { name: 'Plain member' });
    await newEmployment(t, member, organization, { approvedBy: admin });
    const otherAdmin = await newPerson(t, { name: 'Admin elsewhere' });
    await newOrganization(t, otherAdmin);
    const wrongActors = [
      ['a person with no tie to the organization', outsider],
      ['an approved member who is not admin', member],
      ['the admin of another organization', otherAdmin],
    ] as const;
    return { admin, organization, member, wrongActors };
  }

  describe('requestEmployment', () => {
    it('creates a PENDING, non-admin employment that only admins see as pending', async () => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin);
      const person = await newPerson(t, { name: 'Requester' });
      const res = await requestVia(person, organization.id, { title: '  Category Buyer ', startedOn: '2021-03-01' });
      expect(res.errors).toBeUndefined();
      const employment = res.data!.requestEmployment;
      expect(employment).toEqual({
        id: expect.any(String),
        title: 'Category Buyer',
        status: 'PENDING',
        isAdmin: false,
        startedOn: '2021-03-01',
        endedOn: null,
        person: { id: person.id, name: 'Requester' },
        organization: { id: organization.id, name: organization.name },
      });

      // Not a member yet.
      expect(await memberIds(organization.id, admin.token)).toEqual([admin.id]);
      // The admin sees the request waiting.
      const pending = await t.gql(PENDING, { id: organization.id }, admin.token);
      expect(pending.data!.organization.pendingEmployments.totalCount).toBe(1);
      expect(pending.data!.organization.pendingEmployments.edges[0].node).toEqual({
        id: employment.id,
        status: 'PENDING',
        person: { id: person.id },
      });
    });

    it('accepts a request without startedOn, and with startedOn today', async () => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin);
      const withoutDate = await requestVia(await newPerson(t), organization.id);
      expect(withoutDate.errors).toBeUndefined();
      expect(withoutDate.data!.requestEmployment.startedOn).toBeNull();
      const today = isoDay(0);
      const withToday = await requestVia(await newPerson(t), organization.id, { startedOn: today });
      expect(withToday.errors).toBeUndefined();
      expect(withToday.data!.requestEmployment.startedOn).toBe(today);
    });

    it.each([
      [{ title: '' }, 'input.title'],
      [{ title: '    ' }, 'input.title'],
      [{ title: 't'.repeat(101) }, 'input.title'],
      [{ startedOn: isoDay(2) }, 'input.startedOn'],
      [{ startedOn: '2999-01-01' }, 'input.startedOn'],
    ])('rejects %p with BAD_USER_INPUT on %s and stores nothing', async (overrides, field) => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin);
      const person = await newPerson(t);
      const res = await requestVia(person, organization.id, overrides);
      expect(onlyError(res).extensions).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(res.data).toBeNull();
      expect(await countEmployments(person.id, organization.id)).toBe(0);
    });

    it.each(['2021-02-30', '01.03.2021', '2021-3-1', 'yesterday'])(
      'rejects the malformed startedOn %p with BAD_USER_INPUT and stores nothing',
      async (startedOn) => {
        const admin = await newPerson(t);
        const organization = await newOrganization(t, admin);
        const person = await newPerson(t);
        const res = await requestVia(person, organization.id, { startedOn });
        expect(onlyError(res).extensions.code).toBe('BAD_USER_INPUT');
        expect(await countEmployments(person.id, organization.id)).toBe(0);
      },
    );

    it('answers NOT_FOUND on "input.organizationId" for an unknown organization and stores nothing', async () => {
      const person = await newPerson(t);
      const res = await requestVia(person, 'no-such-organization');
      expect(onlyError(res).extensions).toEqual({ code: 'NOT_FOUND', field: 'input.organizationId' });
      const [row] = await t.neo4j.read<{ n: number }>(
        'MATCH (:Person {id: $id})-[e:WORKS_AT]->() RETURN count(e) AS n',
        { id: person.id },
      );
      expect(row.n).toBe(0);
    });

    it('answers CONFLICT while the person has a PENDING or APPROVED employment there, and allows one after it ended', async () => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin);
      const person = await newPerson(t);
      const first = await requestVia(person, organization.id);
      expect(first.errors).toBeUndefined();

      const whilePending = await requestVia(person, organization.id, { title: 'Another title' });
      expect(onlyError(whilePending).extensions).toEqual({ code: 'CONFLICT', field: 'input.organizationId' });
      expect(await countEmployments(person.id, organization.id)).toBe(1);

      await t.gql(APPROVE, { employmentId: first.data!.requestEmployment.id }, admin.token);
      const whileApproved = await requestVia(person, organization.id);
      expect(onlyError(whileApproved).extensions.code).toBe('CONFLICT');
      expect(await countEmployments(person.id, organization.id)).toBe(1);

      // The admin's own approved employment counts too.
      expect(onlyError(await requestVia(admin, organization.id)).extensions.code).toBe('CONFLICT');

      await t.gql(END, { employmentId: first.data!.requestEmployment.id }, person.token);
      const again = await requestVia(person, organization.id, { title: 'Returning buyer' });
      expect(again.errors).toBeUndefined();
      expect(again.data!.requestEmployment).toMatchObject({ status: 'PENDING', title: 'Returning buyer' });
      expect(again.data!.requestEmployment.id).not.toBe(first.data!.requestEmployment.id);
      expect(await countEmployments(person.id, organization.id)).toBe(2);
    });

    it('lets a person request employment at several organizations', async () => {
      const admin = await newPerson(t);
      const [a, b] = [await newOrganization(t, admin), await newOrganization(t, admin)];
      const person = await newPerson(t);
      expect((await requestVia(person, a.id)).errors).toBeUndefined();
      expect((await requestVia(person, b.id)).errors).toBeUndefined();
    });

    it('stores exactly one PENDING employment for 20 concurrent identical requests; the others get CONFLICT', async () => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin);
      const person = await newPerson(t);
      const results = await Promise.all(Array.from({ length: 20 }, () => requestVia(person, organization.id)));
      const succeeded = results.filter((res) => !res.errors);
      expect(succeeded).toHaveLength(1);
      expect(succeeded[0].data!.requestEmployment.status).toBe('PENDING');
      const failures = results.filter((res) => res.errors).map((res) => onlyError(res).extensions);
      expect(failures).toEqual(Array(19).fill({ code: 'CONFLICT', field: 'input.organizationId' }));
      const rows = await t.neo4j.read<{ status: string }>(
        'MATCH (:Person {id: $personId})-[e:WORKS_AT]->(:Organization {id: $organizationId}) RETURN e.status AS status',
        { personId: person.id, organizationId: organization.id },
      );
      expect(rows).toEqual([{ status: 'PENDING' }]);
    });

    it('requires a signed-in caller', async () => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin);
      const res = await t.gql(REQUEST, { input: { organizationId: organization.id, title: 'Anonymous' } });
      expect(onlyError(res).extensions.code).toBe('UNAUTHENTICATED');
      const [row] = await t.neo4j.read<{ n: number }>(
        'MATCH ()-[e:WORKS_AT]->(:Organization {id: $id}) RETURN count(e) AS n',
        { id: organization.id },
      );
      expect(row.n).toBe(1);
    });
  });

  describe('approveEmployment', () => {
    it('lets an admin approve a PENDING employment, which makes the person a current member', async () => {
      const admin = await newPerson(t, { name: 'Admin' });
      const organization = await newOrganization(t, admin);
      const person = await newPerson(t, { name: 'Bea' });
      const requested = await newEmployment(t, person, organization, { title: 'Planner', startedOn: '2020-01-15' });

      const res = await t.gql(APPROVE, { employmentId: requested.id }, admin.token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.approveEmployment).toEqual({
        id: requested.id,
        title: 'Planner',
        status: 'APPROVED',
        isAdmin: false,
        startedOn: '2020-01-15',
        endedOn: null,
        person: { id: person.id, name: 'Bea' },
        organization: { id: organization.id, name: organization.name },
      });
      expect(await stored(requested.id)).toMatchObject({ status: 'APPROVED', approvedBy: admin.id });
      expect(await memberIds(organization.id, person.token)).toEqual([admin.id, person.id]);
      const pending = await t.gql(PENDING, { id: organization.id }, admin.token);
      expect(pending.data!.organization.pendingEmployments.totalCount).toBe(0);
    });

    it('forbids everyone but the organization’s admins, the requester included, and changes nothing', async () => {
      const { organization, wrongActors } = await organizationWithOutsiders();
      const person = await newPerson(t);
      const requested = await newEmployment(t, person, organization);
      for (const [who, actor] of [...wrongActors, ['the requester themself', person] as const]) {
        const res = await t.gql(APPROVE, { employmentId: requested.id }, actor.token);
        expect([who, onlyError(res).extensions.code]).toEqual([who, 'FORBIDDEN']);
        expect(res.data).toBeNull();
      }
      expect(await stored(requested.id)).toMatchObject({ status: 'PENDING', approvedBy: null });
    });

    it('answers NOT_FOUND on "employmentId" for an unknown employment', async () => {
      const admin = await newPerson(t);
      await newOrganization(t, admin);
      const res = await t.gql(APPROVE, { employmentId: 'no-such-employment' }, admin.token);
      expect(onlyError(res).extensions).toEqual({ code: 'NOT_FOUND', field: 'employmentId' });
    });

    it('answers CONFLICT for an employment that is not PENDING', async () => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin);
      const person = await newPerson(t);
      const approved = await newEmployment(t, person, organization, { approvedBy: admin });
      const again = await t.gql(APPROVE, { employmentId: approved.id }, admin.token);
      expect(onlyError(again).extensions).toEqual({ code: 'CONFLICT', field: 'employmentId' });

      const withdrawnBy = await newPerson(t);
      const withdrawn = await newEmployment(t, withdrawnBy, organization);
      expect((await t.gql(END, { employmentId: withdrawn.id }, withdrawnBy.token)).errors).toBeUndefined();
      const ended = await t.gql(APPROVE, { employmentId: withdrawn.id }, admin.token);
      expect(onlyError(ended).extensions).toEqual({ code: 'CONFLICT', field: 'employmentId' });
      expect(await stored(withdrawn.id)).toMatchObject({ status: 'ENDED', approvedBy: null });
      expect(await memberIds(organization.id, admin.token)).not.toContain(withdrawnBy.id);
    });

    it('lets exactly one of 10 concurrent approvals of the same employment succeed', async () => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin);
      const person = await newPerson(t);
      const requested = await newEmployment(t, person, organization);
      const results = await Promise.all(
        Array.from({ length: 10 }, () => t.gql(APPROVE, { employmentId: requested.id }, admin.token)),
      );
      expect(results.filter((res) => !res.errors)).toHaveLength(1);
      const failures = results.filter((res) => res.errors).map((res) => onlyError(res).extensions);
      expect(failures).toEqual(Array(9).fill({ code: 'CONFLICT', field: 'employmentId' }));
      expect(await stored(requested.id)).toMatchObject({ status: 'APPROVED' });
    });

    it('requires a signed-in caller', async () => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin);
      const requested = await newEmployment(t, await newPerson(t), organization);
      expect(onlyError(await t.gql(APPROVE, { employmentId: requested.id })).extensions.code).toBe('UNAUTHENTICATED');
      expect(await stored(requested.id)).toMatchObject({ status: 'PENDING' });
    });
  });

  describe('endEmployment', () => {
    it('lets a person end their own employment, on today by default; they stop being a member', async () => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin);
      const person = await newPerson(t);
      const employment = await newEmployment(t, person, organization, { approvedBy: admin, startedOn: '2019-05-01' });
      const before = isoDay(0);
      const res = await t.gql(END, { employmentId: employment.id }, person.token);
      const after = isoDay(0);
      expect(res.errors).toBeUndefined();
      expect(res.data!.endEmployment).toMatchObject({ id: employment.id, status: 'ENDED', startedOn: '2019-05-01' });
      expect([before, after]).toContain(res.data!.endEmployment.endedOn);
      expect(await stored(employment.id)).toMatchObject({ status: 'ENDED', endedBy: person.id });
      expect(await memberIds(organization.id, admin.token)).toEqual([admin.id]);
    });

    it('lets an admin end anyone’s employment at the organization, on a given day', async () => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin);
      const person = await newPerson(t);
      const employment = await newEmployment(t, person, organization, { approvedBy: admin, startedOn: '2019-05-01' });
      const res = await t.gql(END, { employmentId: employment.id, endedOn: '2019-05-01' }, admin.token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.endEmployment).toMatchObject({
        status: 'ENDED',
        startedOn: '2019-05-01',
        endedOn: '2019-05-01',
      });
      expect(await stored(employment.id)).toMatchObject({ status: 'ENDED', endedOn: '2019-05-01', endedBy: admin.id });
      expect(await memberIds(organization.id, admin.token)).toEqual([admin.id]);

      // An explicit null also means today.
      const other = await newEmployment(t, await newPerson(t), organization, { approvedBy: admin });
      const before = isoDay(0);
      const withNull = await t.gql(END, { employmentId: other.id, endedOn: null }, admin.token);
      expect(withNull.errors).toBeUndefined();
      expect([before, isoDay(0)]).toContain(withNull.data!.endEmployment.endedOn);
    });

    it('lets a person withdraw a pending request, and an admin decline one', async () => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin);
      const [withdrawer, declined] = [await newPerson(t), await newPerson(t)];
      const own = await newEmployment(t, withdrawer, organization);
      const other = await newEmployment(t, declined, organization);
      expect((await t.gql(END, { employmentId: own.id }, withdrawer.token)).data!.endEmployment.status).toBe('ENDED');
      expect((await t.gql(END, { employmentId: other.id }, admin.token)).data!.endEmployment.status).toBe('ENDED');
      const pending = await t.gql(PENDING, { id: organization.id }, admin.token);
      expect(pending.data!.organization.pendingEmployments.totalCount).toBe(0);
      expect(await memberIds(organization.id, admin.token)).toEqual([admin.id]);
    });

    it.each([
      ['in the future', () => ({ startedOn: '2020-01-01', endedOn: isoDay(2) })],
      ['before startedOn', () => ({ startedOn: '2020-06-15', endedOn: '2020-06-14' })],
    ])('rejects an endedOn %s with BAD_USER_INPUT on "endedOn" and changes nothing', async (_case, dates) => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin);
      const person = await newPerson(t);
      const { startedOn, endedOn } = dates();
      const employment = await newEmployment(t, person, organization, { approvedBy: admin, startedOn });
      for (const actor of [person, admin]) {
        const res = await t.gql(END, { employmentId: employment.id, endedOn }, actor.token);
        expect(onlyError(res).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'endedOn' });
        expect(res.data).toBeNull();
      }
      expect(await stored(employment.id)).toMatchObject({ status: 'APPROVED', endedOn: null });
    });

    it('rejects a malformed endedOn with BAD_USER_INPUT', async () => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin);
      const person = await newPerson(t);
      const employment = await newEmployment(t, person, organization, { approvedBy: admin });
      const res = await t.gql(END, { employmentId: employment.id, endedOn: '2020-13-01' }, person.token);
      expect(onlyError(res).extensions.code).toBe('BAD_USER_INPUT');
      expect(await stored(employment.id)).toMatchObject({ status: 'APPROVED' });
    });

    it('answers CONFLICT for an employment that has already ended, keeping its end date', async () => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin);
      const person = await newPerson(t);
      const employment = await newEmployment(t, person, organization, { approvedBy: admin });
      await t.gql(END, { employmentId: employment.id, endedOn: '2022-02-02' }, person.token);
      for (const actor of [person, admin]) {
        const res = await t.gql(END, { employmentId: employment.id, endedOn: '2023-03-03' }, actor.token);
        expect(onlyError(res).extensions).toEqual({ code: 'CONFLICT', field: 'employmentId' });
      }
      expect(await stored(employment.id)).toMatchObject({ status: 'ENDED', endedOn: '2022-02-02', endedBy: person.id });
    });

    it('answers NOT_FOUND on "employmentId" for an unknown employment', async () => {
      const person = await newPerson(t);
      const res = await t.gql(END, { employmentId: 'no-such-employment' }, person.token);
      expect(onlyError(res).extensions).toEqual({ code: 'NOT_FOUND', field: 'employmentId' });
    });

    it('forbids everyone but the person and the organization’s admins, and changes nothing', async () => {
      const { admin, organization, wrongActors } = await organizationWithOutsiders();
      const person = await newPerson(t);
      const approved = await newEmployment(t, person, organization, { approvedBy: admin });
      const pendingPerson = await newPerson(t);
      const pending = await newEmployment(t, pendingPerson, organization);
      for (const employment of [approved, pending]) {
        for (const [who, actor] of wrongActors) {
          const res = await t.gql(END, { employmentId: employment.id }, actor.token);
          expect([who, onlyError(res).extensions.code]).toEqual([who, 'FORBIDDEN']);
          expect(res.data).toBeNull();
        }
      }
      // A person with a pending request at the organization cannot end a colleague's employment either.
      expect(onlyError(await t.gql(END, { employmentId: approved.id }, pendingPerson.token)).extensions.code).toBe(
        'FORBIDDEN',
      );
      expect(await stored(approved.id)).toMatchObject({ status: 'APPROVED', endedOn: null });
      expect(await stored(pending.id)).toMatchObject({ status: 'PENDING', endedOn: null });
    });

    it('keeps the last current admin: CONFLICT when they try to end their own employment', async () => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin);
      // A plain member does not count as another admin.
      await newEmployment(t, await newPerson(t), organization, { approvedBy: admin });
      const [adminEmployment] = (await members(organization.id, admin.token)).edges
        .map((edge: any) => edge.node)
        .filter((node: any) => node.person.id === admin.id);
      expect(adminEmployment.isAdmin).toBe(true);
      const res = await t.gql(END, { employmentId: adminEmployment.id }, admin.token);
      expect(onlyError(res).extensions).toEqual({ code: 'CONFLICT', field: 'employmentId' });
      expect(await stored(adminEmployment.id)).toMatchObject({ status: 'APPROVED', endedOn: null });
      expect((await t.gql(UPDATE_ORGANIZATION, { id: organization.id, name: 'Still admin' }, admin.token)).errors).toBe(
        undefined,
      );
    });

    it('lets an admin leave while another admin remains; the former admin loses admin rights', async () => {
      const founder = await newPerson(t, { name: 'Founder' });
      const organization = await newOrganization(t, founder);
      const colleague = await newPerson(t, { name: 'Colleague' });
      const colleagueEmployment = await newEmployment(t, colleague, organization, { approvedBy: founder });
      await makeAdmin(colleagueEmployment.id);
      const founderEmployment = (await members(organization.id, founder.token)).edges.find(
        (edge: any) => edge.node.person.id === founder.id,
      ).node;

      const res = await t.gql(END, { employmentId: founderEmployment.id }, founder.token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.endEmployment).toMatchObject({ status: 'ENDED', isAdmin: true });
      expect(await memberIds(organization.id, colleague.token)).toEqual([colleague.id]);

      // The former admin may no longer administer the organization.
      const requested = await newEmployment(t, await newPerson(t), organization);
      expect(onlyError(await t.gql(APPROVE, { employmentId: requested.id }, founder.token)).extensions.code).toBe(
        'FORBIDDEN',
      );
      expect(
        onlyError(await t.gql(UPDATE_ORGANIZATION, { id: organization.id, name: 'Taken over' }, founder.token))
          .extensions.code,
      ).toBe('FORBIDDEN');
      expect(onlyError(await t.gql(END, { employmentId: colleagueEmployment.id }, founder.token)).extensions.code).toBe(
        'FORBIDDEN',
      );
      const pending = await t.gql(PENDING, { id: organization.id }, founder.token);
      expect(pending.data!.organization.pendingEmployments).toBeNull();

      // The remaining admin is now the last one.
      const last = await t.gql(END, { employmentId: colleagueEmployment.id }, colleague.token);
      expect(onlyError(last).extensions.code).toBe('CONFLICT');
    });

    it('lets an admin end another admin’s employment while they remain admin themself', async () => {
      const founder = await newPerson(t);
      const organization = await newOrganization(t, founder);
      const colleague = await newPerson(t);
      const colleagueEmployment = await newEmployment(t, colleague, organization, { approvedBy: founder });
      await makeAdmin(colleagueEmployment.id);
      const res = await t.gql(END, { employmentId: colleagueEmployment.id }, founder.token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.endEmployment.status).toBe('ENDED');
      expect(await memberIds(organization.id, founder.token)).toEqual([founder.id]);
    });

    it('never lets two admins leaving at the same time leave the organization without an admin', async () => {
      const founder = await newPerson(t);
      const organization = await newOrganization(t, founder);
      const colleague = await newPerson(t);
      const colleagueEmployment = await newEmployment(t, colleague, organization, { approvedBy: founder });
      await makeAdmin(colleagueEmployment.id);
      const founderEmployment = (await members(organization.id, founder.token)).edges.find(
        (edge: any) => edge.node.person.id === founder.id,
      ).node;
      const results = await Promise.all([
        t.gql(END, { employmentId: founderEmployment.id }, founder.token),
        t.gql(END, { employmentId: colleagueEmployment.id }, colleague.token),
      ]);
      expect(results.filter((res) => !res.errors)).toHaveLength(1);
      expect(onlyError(results.find((res) => res.errors) as GqlResponse).extensions.code).toBe('CONFLICT');
      const [row] = await t.neo4j.read<{ n: number }>(
        "MATCH ()-[e:WORKS_AT {status: 'APPROVED', isAdmin: true}]->(:Organization {id: $id}) RETURN count(e) AS n",
        { id: organization.id },
      );
      expect(row.n).toBe(1);
    });

    it('lets exactly one of several concurrent ends of the same employment succeed', async () => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin);
      const person = await newPerson(t);
      const employment = await newEmployment(t, person, organization, { approvedBy: admin });
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          t.gql(END, { employmentId: employment.id, endedOn: `2024-01-0${i + 1}` }, i % 2 ? admin.token : person.token),
        ),
      );
      const succeeded = results.filter((res) => !res.errors);
      expect(succeeded).toHaveLength(1);
      const failures = results.filter((res) => res.errors).map((res) => onlyError(res).extensions);
      expect(failures).toEqual(Array(5).fill({ code: 'CONFLICT', field: 'employmentId' }));
      expect((await stored(employment.id)).endedOn).toBe(succeeded[0].data!.endEmployment.endedOn);
    });

    it('requires a signed-in caller', async () => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin);
      const employment = await newEmployment(t, await newPerson(t), organization, { approvedBy: admin });
      expect(onlyError(await t.gql(END, { employmentId: employment.id })).extensions.code).toBe('UNAUTHENTICATED');
      expect(await stored(employment.id)).toMatchObject({ status: 'APPROVED' });
    });
  });

  describe('Organization.members', () => {
    let admin: TestPerson;
    let organization: Organization;
    let expectedOrder: string[];

    beforeAll(async () => {
      admin = await newPerson(t, { name: 'Mia Admin' });
      organization = await newOrganization(t, admin);
      const names = ['Zoe', 'Anna', 'Same Name', 'Same Name', 'Karl'];
      const people: TestPerson[] = [];
      for (const name of names) {
        const person = await newPerson(t, { name });
        await newEmployment(t, person, organization, { approvedBy: admin });
        people.push(person);
      }
      // Neither pending, nor ended, nor other organizations' employments make a member.
      await newEmployment(t, await newPerson(t, { name: 'Aaron Pending' }), organization);
      const leaver = await newPerson(t, { name: 'Abe Leaver' });
      const left = await newEmployment(t, leaver, organization, { approvedBy: admin });
      expect((await t.gql(END, { employmentId: left.id }, leaver.token)).errors).toBeUndefined();
      const elsewhere = await newPerson(t, { name: 'Adam Elsewhere' });
      await newOrganization(t, elsewhere);

      const sameName = people.filter((person) => person.name === 'Same Name').map((person) => person.id);
      expectedOrder = [
        people[1].id, // Anna
        people[4].id, // Karl
        admin.id, // Mia Admin
        ...[...sameName].sort(), // Same Name, by id
        people[0].id, // Zoe
      ];
    });

    it('lists current members only, ordered by person name then id, with the total count', async () => {
      const viewer = await newPerson(t);
      const page = await members(organization.id, viewer.token);
      expect(page.totalCount).toBe(6);
      expect(page.edges.map((edge: any) => edge.node.person.id)).toEqual(expectedOrder);
      expect(page.edges.every((edge: any) => edge.node.status === 'APPROVED')).toBe(true);
      expect(page.pageInfo).toEqual({
        hasNextPage: false,
        hasPreviousPage: false,
        startCursor: page.edges[0].cursor,
        endCursor: page.edges[5].cursor,
      });
    });

    it('pages through the members with first and after', async () => {
      const seen: string[] = [];
      let after: string | undefined;
      const pages: any[] = [];
      do {
        const page = await members(organization.id, admin.token, { first: 4, ...(after ? { after } : {}) });
        pages.push(page);
        seen.push(...page.edges.map((edge: any) => edge.node.person.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
      } while (after);
      expect(seen).toEqual(expectedOrder);
      expect(pages.map((page) => [page.edges.length, page.totalCount])).toEqual([
        [4, 6],
        [2, 6],
      ]);
      expect(pages[0].pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      expect(pages[1].pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

      const single = await members(organization.id, admin.token, { first: 1, after: pages[0].edges[1].cursor });
      expect(single.edges.map((edge: any) => edge.node.person.id)).toEqual([expectedOrder[2]]);

      const beyond = await members(organization.id, admin.token, { after: pages[1].pageInfo.endCursor });
      expect(beyond.edges).toEqual([]);
      expect(beyond.totalCount).toBe(6);
      expect(beyond.pageInfo).toEqual({
        hasNextPage: false,
        hasPreviousPage: true,
        startCursor: null,
        endCursor: null,
      });
    });

    it.each([0, -1, 101])('rejects first: %p with BAD_USER_INPUT on "first"', async (first) => {
      const res = await t.gql(MEMBERS, { id: organization.id, first }, admin.token);
      expect(onlyError(res).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    });

    it('accepts first: 100', async () => {
      expect((await members(organization.id, admin.token, { first: 100 })).edges).toHaveLength(6);
    });

    it.each(['garbage', Buffer.from('offset:-1').toString('base64url'), ''])(
      'rejects the malformed cursor %p with BAD_USER_INPUT',
      async (after) => {
        const res = await t.gql(MEMBERS, { id: organization.id, after }, admin.token);
        expect(onlyError(res).extensions.code).toBe('BAD_USER_INPUT');
      },
    );
  });

  describe('Organization.pendingEmployments', () => {
    it('is a connection for admins and null for everyone else', async () => {
      const { admin, organization, wrongActors } = await organizationWithOutsiders();
      const requester = await newPerson(t, { name: 'Requester' });
      const requested = await newEmployment(t, requester, organization);
      const forAdmin = await t.gql(PENDING, { id: organization.id }, admin.token);
      expect(forAdmin.errors).toBeUndefined();
      expect(forAdmin.data!.organization.pendingEmployments).toEqual({
        totalCount: 1,
        edges: [
          {
            cursor: expect.any(String),
            node: { id: requested.id, status: 'PENDING', person: { id: requester.id } },
          },
        ],
        pageInfo: {
          hasNextPage: false,
          hasPreviousPage: false,
          startCursor: expect.any(String),
          endCursor: expect.any(String),
        },
      });
      for (const [who, actor] of [...wrongActors, ['the requester themself', requester] as const]) {
        const res = await t.gql(PENDING, { id: organization.id }, actor.token);
        expect([who, res.errors]).toEqual([who, undefined]);
        expect([who, res.data!.organization.pendingEmployments]).toEqual([who, null]);
      }
    });

    it('validates first like every other list', async () => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin);
      const res = await t.gql(PENDING, { id: organization.id, first: 101 }, admin.token);
      expect(onlyError(res).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    });
  });

  describe('Person.employments', () => {
    it('shows PENDING employments only to the person themself; approved and ended ones to everyone', async () => {
      const admin = await newPerson(t);
      const [first, second, third] = [
        await newOrganization(t, admin),
        await newOrganization(t, admin),
        await newOrganization(t, admin),
      ];
      const person = await newPerson(t);
      const ended = await newEmployment(t, person, first, { approvedBy: admin, title: 'Former job' });
      await t.gql(END, { employmentId: ended.id }, person.token);
      const approved = await newEmployment(t, person, second, { approvedBy: admin, title: 'Current job' });
      const pending = await newEmployment(t, person, third, { title: 'Hoped-for job' });

      const own = await t.gql(PERSON_EMPLOYMENTS, { id: person.id }, person.token);
      expect(own.errors).toBeUndefined();
      expect(own.data!.person.employments).toEqual([
        { id: pending.id, title: 'Hoped-for job', status: 'PENDING', organization: { id: third.id } },
        { id: approved.id, title: 'Current job', status: 'APPROVED', organization: { id: second.id } },
        { id: ended.id, title: 'Former job', status: 'ENDED', organization: { id: first.id } },
      ]);
      const me = await t.gql(`query { me { employments { id } } }`, {}, person.token);
      expect(me.data!.me.employments.map((e: { id: string }) => e.id)).toEqual([pending.id, approved.id, ended.id]);

      // Not even an admin of the organization sees someone else's pending request here.
      for (const viewer of [await newPerson(t), admin]) {
        const res = await t.gql(PERSON_EMPLOYMENTS, { id: person.id }, viewer.token);
        expect(res.data!.person.employments.map((e: { id: string }) => e.id)).toEqual([approved.id, ended.id]);
      }
    });

    it('keeps requests that ended before approval (withdrawn or declined) visible only to the person', async () => {
      const admin = await newPerson(t);
      const [first, second] = [await newOrganization(t, admin), await newOrganization(t, admin)];
      const person = await newPerson(t);
      const withdrawn = await newEmployment(t, person, first, { title: 'Withdrawn' });
      expect((await t.gql(END, { employmentId: withdrawn.id }, person.token)).errors).toBeUndefined();
      const declined = await newEmployment(t, person, second, { title: 'Declined' });
      expect((await t.gql(END, { employmentId: declined.id }, admin.token)).errors).toBeUndefined();

      const own = await t.gql(PERSON_EMPLOYMENTS, { id: person.id }, person.token);
      expect(own.data!.person.employments.map((e: { id: string; status: string }) => [e.id, e.status])).toEqual([
        [declined.id, 'ENDED'],
        [withdrawn.id, 'ENDED'],
      ]);
      for (const viewer of [await newPerson(t), admin]) {
        const res = await t.gql(PERSON_EMPLOYMENTS, { id: person.id }, viewer.token);
        expect(res.errors).toBeUndefined();
        expect(res.data!.person.employments).toEqual([]);
      }
    });

    it('keeps showing a creator’s admin employment to others after it ended', async () => {
      const founder = await newPerson(t);
      const organization = await newOrganization(t, founder);
      const colleague = await newPerson(t);
      await makeAdmin((await newEmployment(t, colleague, organization, { approvedBy: founder })).id);
      const founderEmployment = (await members(organization.id, founder.token)).edges.find(
        (edge: any) => edge.node.person.id === founder.id,
      ).node;
      expect((await t.gql(END, { employmentId: founderEmployment.id }, founder.token)).errors).toBeUndefined();
      const res = await t.gql(PERSON_EMPLOYMENTS, { id: founder.id }, colleague.token);
      expect(res.data!.person.employments).toEqual([
        { id: founderEmployment.id, title: 'Founder', status: 'ENDED', organization: { id: organization.id } },
      ]);
    });

    it('keeps each person’s employments apart when several people are listed in one request', async () => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin);
      const [a, b] = [await newPerson(t), await newPerson(t)];
      const approvedA = await newEmployment(t, a, organization, { approvedBy: admin });
      const pendingB = await newEmployment(t, b, organization);
      const res = await t.gql(
        `query Both($a: ID!, $b: ID!) {
           a: person(id: $a) { employments { id } }
           b: person(id: $b) { employments { id } }
         }`,
        { a: a.id, b: b.id },
        b.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.a.employments).toEqual([{ id: approvedA.id }]);
      expect(res.data!.b.employments).toEqual([{ id: pendingB.id }]);
    });
  });
});
