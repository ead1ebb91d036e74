import { AuditLogEntry, FORMER_MEMBER_ID } from '#tradegraph/accounts';
import type { Organization } from '#tradegraph/organizations';
import { APPROVE, MEMBERS, REQUEST as REQUEST_EMPLOYMENT } from './support/employment-helpers.js';
import { newEmployment, newOrganization, newPerson, TestPerson } from './support/factories.js';
import { networkHelpers, REQUEST as REQUEST_CONNECTION, RESPOND } from './support/network-helpers.js';
import { DELETE, LOGIN, REFRESH } from './support/session-helpers.js';
import { createTestApp, GqlResponse, TestApp } from './support/test-app.js';
import { graphTraces, sqlTraces } from './support/trace-search.js';
import { CONFIRM, isoDay, LEAVE, RECORD, REJECT, STEEL } from './support/trades-helpers.js';

const REGISTER = `mutation Register($input: RegisterInput!) {
  register(input: $input) { accessToken refreshToken person { id } }
}`;
const UPDATE_PROFILE = `mutation U($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`;
const CREATE_ORGANIZATION = `mutation C($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const INTRODUCE = `mutation I($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { id } }`;
const RESPOND_INTRODUCTION = `mutation R($id: ID!, $accept: Boolean!, $note: String) {
  respondToIntroduction(introductionId: $id, accept: $accept, note: $note) { id status }
}`;
const SET_ADMIN = `mutation S($employmentId: ID!, $isAdmin: Boolean!) {
  setEmploymentAdmin(employmentId: $employmentId, isAdmin: $isAdmin) { id isAdmin }
}`;

const data = (res: GqlResponse, name: string) => {
  expect(res.errors).toBeUndefined();
  return res.data![name];
};
const unique = () => Math.random().toString(36).slice(2, 10);

/** Deleted means gone: nothing of the person stays in either database, the audit log included. */
describe('deleteAccount leaves no trace', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const as = async (who: { token: string }, name: string, query: string, variables: Record<string, unknown>) =>
    data(await t.gql(query, variables, who.token), name);
  const employmentOf = async (organizationId: string, personId: string, viewer: TestPerson) => {
    const res = await t.gql(MEMBERS, { id: organizationId, first: 100 }, viewer.token);
    return data(res, 'organization').members.edges.find((edge: any) => edge.node.person.id === personId)?.node;
  };

  /** Signs up through the API like a person would, so the audit log records what they typed. */
  async function signUp() {
    const traces = {
      email: `Quentin.Zebedee.${unique()}@Example.COM`,
      name: `Quentin Zebedee ${unique()}`,
      headline: `Head of quibbling ${unique()}`,
      laterName: `Q. Zebedee-Renamed ${unique()}`,
      laterHeadline: `Chief quibbler ${unique()}`,
    };
    const password = 'correct horse battery';
    const input = { email: traces.email, password, name: traces.name, headline: traces.headline, country: 'DE' };
    const registered = data(await t.gql(REGISTER, { input }), 'register');
    const leaver = { id: registered.person.id as string, token: registered.accessToken as string, password };
    await as(leaver, 'updateProfile', UPDATE_PROFILE, {
      input: { name: traces.laterName, headline: traces.laterHeadline },
    });
    const login = data(await t.gql(LOGIN, { input: { email: traces.email, password } }), 'login');
    const refreshed = data(await t.gql(REFRESH, { token: login.refreshToken }), 'refreshToken');
    return { leaver, traces, secrets: [registered.refreshToken, refreshed.refreshToken, login.accessToken] };
  }

  it('removes their email, names, headlines, tokens and id from every SQL column and every graph property', async () => {
    const { leaver, traces, secrets } = await signUp();
    const [friend, stranger, employer, colleague] = await Promise.all(
      ['Friend', 'Stranger', 'Employer', 'Colleague'].map((name) => newPerson(t, { name })),
    );
    // Their own organization, with members they approved: they are its last admin.
    const own = await as(leaver, 'createOrganization', CREATE_ORGANIZATION, {
      input: { name: `Org ${unique()}`, country: 'DE', roles: ['BUYER'], creatorTitle: 'Founder' },
    });
    const member = await newEmployment(t, friend, { id: own.id } as Organization);
    await as(leaver, 'approveEmployment', APPROVE, { employmentId: member.id });
    // A job elsewhere, where they were made admin and appointed another admin.
    const elsewhere = await newOrganization(t, employer);
    const job = await as(leaver, 'requestEmployment', REQUEST_EMPLOYMENT, {
      input: { organizationId: elsewhere.id, title: 'Buyer' },
    });
    await as(employer, 'approveEmployment', APPROVE, { employmentId: job.id });
    await as(employer, 'setEmploymentAdmin', SET_ADMIN, { employmentId: job.id, isAdmin: true });
    const colleagueJob = await newEmployment(t, colleague, elsewhere, { approvedBy: employer });
    await as(leaver, 'setEmploymentAdmin', SET_ADMIN, { employmentId: colleagueJob.id, isAdmin: true });
    // Connections asked for both ways.
    const incoming = await as(friend, 'requestConnection', REQUEST_CONNECTION, { personId: leaver.id });
    await as(leaver, 'respondToConnectionRequest', RESPOND, { requestId: incoming.id, accept: true });
    await as(leaver, 'requestConnection', REQUEST_CONNECTION, {
      personId: stranger.id,
      message: `Hello from ${traces.laterName}`,
    });

    const needles = [leaver.id, ...Object.values(traces), ...secrets];
    expect((await sqlTraces(t, needles)).length).toBeGreaterThan(0);
    expect((await graphTraces(t, needles)).length).toBeGreaterThan(0);

    expect(data(await t.gql(DELETE, { password: leaver.password }, leaver.token), 'deleteAccount')).toBe(true);
    expect(await sqlTraces(t, needles)).toEqual([]);
    expect(await graphTraces(t, needles)).toEqual([]);

    // Other people's actions stay in the audit log, pseudonymised; theirs stay without actor or arguments.
    const log = await t.sql.getRepository(AuditLogEntry).find();
    const byAction = (action: string) => log.filter((entry) => entry.action === action);
    expect(byAction('requestConnection')).toContainEqual(
      expect.objectContaining({ actorId: friend.id, details: JSON.stringify({ personId: FORMER_MEMBER_ID }) }),
    );
    expect(byAction('setEmploymentAdmin')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actorId: employer.id,
          details: JSON.stringify({ employmentId: job.id, isAdmin: true }),
        }),
        expect.objectContaining({ actorId: null, details: '{}' }),
      ]),
    );
    for (const action of ['register', 'login', 'updateProfile', 'refreshToken', 'createOrganization']) {
      expect(byAction(action).filter((entry) => entry.actorId === null)).toContainEqual(
        expect.objectContaining({ details: '{}' }),
      );
    }
    // Their organization keeps an admin.
    expect((await employmentOf(own.id, friend.id, friend)).isAdmin).toBe(true);
  });

  it('clears the free text they wrote on records that stay: rejection reasons, feedback comments, introduction notes', async () => {
    const network = networkHelpers(() => t);
    const [leaver, buyerAdmin, supplierAdmin, requester] = await Promise.all([1, 2, 3, 4].map(() => newPerson(t)));
    const steel = { categoryIds: [STEEL] };
    const [leaversOrg, buyer, supplier] = [
      await newOrganization(t, leaver, steel),
      await newOrganization(t, buyerAdmin),
      await newOrganization(t, supplierAdmin, steel),
    ];
    const trade = (buyerId: string, supplierId: string) => ({
      input: { buyerId, supplierId, categoryId: STEEL, occurredOn: isoDay(-1), amountBand: 'UNDER_10K' },
    });
    const texts = {
      reason: `We never sold to ${leaver.name} ${unique()}`,
      comment: `Signed, ${leaver.name} ${unique()}`,
      note: `Ask me, ${leaver.name}, first ${unique()}`,
    };
    // As the supplier's admin, they reject a trade someone else recorded, giving a reason.
    const rejected = await as(buyerAdmin, 'recordTrade', RECORD, trade(buyer.id, leaversOrg.id));
    await as(leaver, 'rejectTrade', REJECT, { tradeId: rejected.id, reason: texts.reason });
    // As the buyer, they record a trade the supplier confirms, and comment on it.
    const bought = await as(leaver, 'recordTrade', RECORD, trade(leaversOrg.id, supplier.id));
    await as(supplierAdmin, 'confirmTrade', CONFIRM, { tradeId: bought.id });
    const feedback = { tradeId: bought.id, quality: 4, delivery: 4, communication: 4, comment: texts.comment };
    await as(leaver, 'leaveFeedback', LEAVE, { input: feedback });
    // On an introduction's path, they decline it with a note.
    await network.connect(requester, leaver);
    await network.connect(leaver, supplierAdmin);
    const introduction = await as(requester, 'requestIntroduction', INTRODUCE, {
      input: { path: [leaver.id, supplierAdmin.id], message: 'Please introduce me' },
    });
    await as(leaver, 'respondToIntroduction', RESPOND_INTRODUCTION, {
      id: introduction.id,
      accept: false,
      note: texts.note,
    });

    const needles = [leaver.id, leaver.email, leaver.name, ...Object.values(texts)];
    const found = (await graphTraces(t, needles)).map((trace) => trace.value);
    for (const text of Object.values(texts)) expect(found).toContain(text);

    expect(data(await t.gql(DELETE, { password: leaver.password }, leaver.token), 'deleteAccount')).toBe(true);
    expect(await graphTraces(t, needles)).toEqual([]);
    expect(await sqlTraces(t, needles)).toEqual([]);
    // The records themselves stay for the others, credited to the former member.
    const records = await t.neo4j.read<{ id: string; by: string }>(
      `MATCH (t:Trade) WHERE t.id IN $ids MATCH (by:Person)-[:RECORDED|REJECTED]->(t)
       RETURN t.id AS id, by.id AS by`,
      { ids: [rejected.id, bought.id] },
    );
    expect(records).toHaveLength(3);
    expect(records).toEqual(
      expect.arrayContaining([
        { id: rejected.id, by: buyerAdmin.id },
        { id: rejected.id, by: FORMER_MEMBER_ID },
        { id: bought.id, by: FORMER_MEMBER_ID },
      ]),
    );
  });

  describe('when they were the last admin of an organization', () => {
    const approvedAt = (employmentId: string, at: string, startedOn: string | null = null) =>
      t.neo4j.write(
        'MATCH ()-[e:WORKS_AT {id: $employmentId}]->() SET e.approvedAt = datetime($at), e.startedOn = date($startedOn)',
        { employmentId, at, startedOn },
      );
    const adminIds = async (organizationId: string) =>
      (
        await t.neo4j.read<{ id: string }>(
          `MATCH (p:Person)-[:WORKS_AT {status: 'APPROVED', isAdmin: true}]->(:Organization {id: $organizationId})
           RETURN p.id AS id ORDER BY id`,
          { organizationId },
        )
      ).map((row) => row.id);

    it('makes the longest-standing current member admin: earliest approval, then earliest start, then id', async () => {
      const leaver = await newPerson(t);
      const organization = await newOrganization(t, leaver);
      const people = await Promise.all([1, 2, 3, 4].map(() => newPerson(t)));
      const jobs = await Promise.all(
        people.map((person) => newEmployment(t, person, organization, { approvedBy: leaver })),
      );
      // The latest approval, but the earliest start: approval time comes first.
      await approvedAt(jobs[0].id, '2024-03-01T00:00:00Z', '2001-01-01');
      // Three approved at the same moment: the earlier start wins over the others.
      await approvedAt(jobs[1].id, '2023-01-01T00:00:00Z', '2015-01-01');
      await approvedAt(jobs[2].id, '2023-01-01T00:00:00Z', '2010-01-01');
      await approvedAt(jobs[3].id, '2023-01-01T00:00:00Z', '2020-01-01');
      // One still pending never counts.
      await newEmployment(t, await newPerson(t), organization);

      expect(data(await t.gql(DELETE, { password: leaver.password }, leaver.token), 'deleteAccount')).toBe(true);
      expect(await adminIds(organization.id)).toEqual([people[2].id]);
    });

    it('breaks a full tie by the employment id', async () => {
      const leaver = await newPerson(t);
      const organization = await newOrganization(t, leaver);
      const people = await Promise.all([1, 2, 3].map(() => newPerson(t)));
      const jobs = await Promise.all(
        people.map((person) => newEmployment(t, person, organization, { approvedBy: leaver })),
      );
      for (const job of jobs) await approvedAt(job.id, '2023-01-01T00:00:00Z');
      const first = [...jobs].sort((a, b) => (a.id < b.id ? -1 : 1))[0];

      expect(data(await t.gql(DELETE, { password: leaver.password }, leaver.token), 'deleteAccount')).toBe(true);
      expect(await adminIds(organization.id)).toEqual([first.personId]);
    });

    it('promotes nobody where another admin remains, or where nobody else is a member', async () => {
      const leaver = await newPerson(t);
      const shared = await newOrganization(t, leaver);
      const coAdmin = await newPerson(t);
      const coAdminJob = await newEmployment(t, coAdmin, shared, { approvedBy: leaver });
      await as(leaver, 'setEmploymentAdmin', SET_ADMIN, { employmentId: coAdminJob.id, isAdmin: true });
      await newEmployment(t, await newPerson(t), shared, { approvedBy: leaver });
      const alone = await newOrganization(t, leaver);

      expect(data(await t.gql(DELETE, { password: leaver.password }, leaver.token), 'deleteAccount')).toBe(true);
      expect(await adminIds(shared.id)).toEqual([coAdmin.id]);
      expect(await adminIds(alone.id)).toEqual([]);
    });
  });
});
