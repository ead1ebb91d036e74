import { newEmployment, newOrganization, newPerson } from './support/factories.js';
import { createTestApp, GqlResponse, onlyError, TestApp } from './support/test-app.js';
import { APPROVE, employmentHelpers, END, isoDay, PENDING, UPDATE_ORGANIZATION } from './support/employment-helpers.js';

/** Ending an employment: leaving, withdrawing or declining a request, and keeping at least one admin. */
describe('employment', () => {
  let t: TestApp;
  const { stored, members, memberIds, makeAdmin, organizationWithOutsiders } = employmentHelpers(() => t);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
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
      const plain = await newPerson(t, { name: 'Plain member' });
      await newEmployment(t, plain, organization, { approvedBy: founder });
      const founderEmployment = (await members(organization.id, founder.token)).edges.find(
        (edge: any) => edge.node.person.id === founder.id,
      ).node;

      const res = await t.gql(END, { employmentId: founderEmployment.id }, founder.token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.endEmployment).toMatchObject({ status: 'ENDED', isAdmin: true });
      expect(await memberIds(organization.id, colleague.token)).toEqual([colleague.id, plain.id]);

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

      // The remaining admin is now the last one, and another member remains.
      const last = await t.gql(END, { employmentId: colleagueEmployment.id }, colleague.token);
      expect(onlyError(last).extensions.code).toBe('CONFLICT');
    });

    it('lets the last admin leave when nobody else is a current member', async () => {
      const admin = await newPerson(t);
      const organization = await newOrganization(t, admin);
      // Pending requests and former members do not count.
      await newEmployment(t, await newPerson(t), organization);
      const former = await newEmployment(t, await newPerson(t), organization, { approvedBy: admin });
      expect((await t.gql(END, { employmentId: former.id }, admin.token)).errors).toBeUndefined();
      const [adminEmployment] = (await members(organization.id, admin.token)).edges.map((edge: any) => edge.node);
      const res = await t.gql(END, { employmentId: adminEmployment.id }, admin.token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.endEmployment).toMatchObject({ status: 'ENDED', isAdmin: true });
      expect(await stored(adminEmployment.id)).toMatchObject({ status: 'ENDED' });
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
      await newEmployment(t, await newPerson(t), organization, { approvedBy: founder });
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
});
