import { AuditLogEntry } from '#tradegraph/accounts';
import { newEmployment, newOrganization, newPerson, TestPerson } from './support/factories.js';
import { createTestApp, GqlResponse, onlyError, TestApp } from './support/test-app.js';
import { APPROVE, employmentHelpers, END, SET_ADMIN, UPDATE_ORGANIZATION } from './support/employment-helpers.js';

/** setEmploymentAdmin: admins appoint and remove admins, and an organization always keeps one. */
describe('setEmploymentAdmin', () => {
  let t: TestApp;
  const { members, organizationWithOutsiders } = employmentHelpers(() => t);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const setAdmin = (who: TestPerson, employmentId: string, isAdmin: boolean) =>
    t.gql(SET_ADMIN, { employmentId, isAdmin }, who.token);
  const ok = (res: GqlResponse) => {
    expect(res.errors).toBeUndefined();
    return res.data!.setEmploymentAdmin;
  };
  const storedAdmin = async (employmentId: string) =>
    (
      await t.neo4j.read<{ isAdmin: boolean }>(
        'MATCH ()-[e:WORKS_AT {id: $employmentId}]->() RETURN e.isAdmin AS isAdmin',
        {
          employmentId,
        },
      )
    )[0].isAdmin;
  const employmentOf = async (organizationId: string, person: TestPerson, viewer: TestPerson) =>
    (await members(organizationId, viewer.token, { first: 100 })).edges
      .map((edge: any) => edge.node)
      .find((node: any) => node.person.id === person.id);

  it('lets an admin appoint a current member, who may then administer the organization', async () => {
    const { admin, organization, member } = await organizationWithOutsiders();
    const employment = await employmentOf(organization.id, member, admin);
    expect(ok(await setAdmin(admin, employment.id, true))).toMatchObject({
      id: employment.id,
      isAdmin: true,
      status: 'APPROVED',
      person: { id: member.id },
    });
    expect(await storedAdmin(employment.id)).toBe(true);
    const requested = await newEmployment(t, await newPerson(t), organization);
    expect(approvedStatus(await t.gql(APPROVE, { employmentId: requested.id }, member.token))).toBe('APPROVED');
    // Appointing an admin again changes nothing.
    expect(ok(await setAdmin(admin, employment.id, true)).isAdmin).toBe(true);
  });

  it('lets an admin remove another admin, who loses admin rights at once', async () => {
    const { admin, organization, member } = await organizationWithOutsiders();
    const employment = await employmentOf(organization.id, member, admin);
    ok(await setAdmin(admin, employment.id, true));
    expect(ok(await setAdmin(admin, employment.id, false)).isAdmin).toBe(false);
    const update = await t.gql(UPDATE_ORGANIZATION, { id: organization.id, name: 'Taken over' }, member.token);
    expect(onlyError(update).extensions.code).toBe('FORBIDDEN');
    // An admin may also step down while another admin remains.
    ok(await setAdmin(admin, employment.id, true));
    const own = await employmentOf(organization.id, admin, admin);
    expect(ok(await setAdmin(admin, own.id, false)).isAdmin).toBe(false);
    expect(onlyError(await setAdmin(admin, employment.id, false)).extensions.code).toBe('FORBIDDEN');
  });

  it('is FORBIDDEN for everyone but the organization’s admins, and changes nothing', async () => {
    const { admin, organization, member, wrongActors } = await organizationWithOutsiders();
    const memberJob = await employmentOf(organization.id, member, admin);
    const adminJob = await employmentOf(organization.id, admin, admin);
    for (const [, actor] of wrongActors) {
      expect(onlyError(await setAdmin(actor, memberJob.id, true)).extensions.code).toBe('FORBIDDEN');
      expect(onlyError(await setAdmin(actor, adminJob.id, false)).extensions.code).toBe('FORBIDDEN');
    }
    expect([await storedAdmin(memberJob.id), await storedAdmin(adminJob.id)]).toEqual([false, true]);
  });

  it('is NOT_FOUND on "employmentId" for an unknown employment', async () => {
    const { admin } = await organizationWithOutsiders();
    expect(onlyError(await setAdmin(admin, 'no-such-employment', true)).extensions).toEqual({
      code: 'NOT_FOUND',
      field: 'employmentId',
    });
  });

  it('is CONFLICT for a pending or ended employment, which stays as it was', async () => {
    const { admin, organization } = await organizationWithOutsiders();
    const pending = await newEmployment(t, await newPerson(t), organization);
    const ended = await newEmployment(t, await newPerson(t), organization, { approvedBy: admin });
    expect((await t.gql(END, { employmentId: ended.id }, admin.token)).errors).toBeUndefined();
    for (const employment of [pending, ended]) {
      expect(onlyError(await setAdmin(admin, employment.id, true)).extensions).toEqual({
        code: 'CONFLICT',
        field: 'employmentId',
      });
      expect(await storedAdmin(employment.id)).toBe(false);
    }
  });

  it('refuses to remove the last admin (CONFLICT), with or without other members', async () => {
    const alone = await newPerson(t);
    const solo = await newOrganization(t, alone);
    const soloJob = await employmentOf(solo.id, alone, alone);
    const { admin, organization } = await organizationWithOutsiders();
    const adminJob = await employmentOf(organization.id, admin, admin);
    for (const [who, job] of [
      [alone, soloJob],
      [admin, adminJob],
    ] as const) {
      const res = await setAdmin(who, job.id, false);
      expect(onlyError(res).extensions).toEqual({ code: 'CONFLICT', field: 'employmentId' });
      expect(onlyError(res).message).toMatch(/last admin/);
      expect(await storedAdmin(job.id)).toBe(true);
    }
  });

  it('never lets two admins removing each other at once leave the organization without an admin', async () => {
    const { admin, organization, member } = await organizationWithOutsiders();
    const memberJob = await employmentOf(organization.id, member, admin);
    const adminJob = await employmentOf(organization.id, admin, admin);
    ok(await setAdmin(admin, memberJob.id, true));
    const results = await Promise.all([setAdmin(admin, memberJob.id, false), setAdmin(member, adminJob.id, false)]);
    expect(results.filter((res) => !res.errors)).toHaveLength(1);
    expect(['FORBIDDEN', 'CONFLICT']).toContain(onlyError(results.find((res) => res.errors)!).extensions.code);
    const admins = [await storedAdmin(memberJob.id), await storedAdmin(adminJob.id)].filter(Boolean);
    expect(admins).toHaveLength(1);
  });

  it('is audited like every mutation, and readable in the organization’s audit log', async () => {
    const { admin, organization, member } = await organizationWithOutsiders();
    const employment = await employmentOf(organization.id, member, admin);
    ok(await setAdmin(admin, employment.id, true));
    const entries = await t.sql
      .getRepository(AuditLogEntry)
      .find({ where: { action: 'setEmploymentAdmin', targetId: employment.id } });
    expect(entries).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        details: JSON.stringify({ employmentId: employment.id, isAdmin: true }),
      }),
    ]);
    const log = await t.gql(
      `query Log($id: ID!) { organization(id: $id) { auditLog(first: 10) { edges { node { action actor { id } } } } } }`,
      { id: organization.id },
      admin.token,
    );
    expect(log.data!.organization.auditLog.edges.map((edge: any) => edge.node)).toContainEqual({
      action: 'setEmploymentAdmin',
      actor: { id: admin.id },
    });
  });

  it('requires a signed-in caller', async () => {
    const res = await t.gql(SET_ADMIN, { employmentId: 'any', isAdmin: true });
    expect(onlyError(res).extensions.code).toBe('UNAUTHENTICATED');
  });
});

/** The status of an approveEmployment response; fails the test when it has errors. */
function approvedStatus(res: GqlResponse): string {
  expect(res.errors).toBeUndefined();
  return res.data!.approveEmployment.status;
}
