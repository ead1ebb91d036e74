import { newEmployment, newOrganization, newPerson } from './support/factories.js';
import { createTestApp, onlyError, TestApp } from './support/test-app.js';
import { APPROVE, employmentHelpers, END, isoDay, PENDING, REQUEST } from './support/employment-helpers.js';

/** Asking to work at an organization, and an admin approving the request. */
describe('employment', () => {
  let t: TestApp;
  const { stored, countEmployments, memberIds, requestVia, organizationWithOutsiders } = employmentHelpers(() => t);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

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
});
