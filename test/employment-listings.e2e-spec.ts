import { Organization } from '#tradegraph/organizations';
import { newEmployment, newOrganization, newPerson, TestPerson } from './support/factories.js';
import { createTestApp, onlyError, TestApp } from './support/test-app.js';
import { employmentHelpers, END, MEMBERS, PENDING, PERSON_EMPLOYMENTS } from './support/employment-helpers.js';
import { expectFirstOverMaximumRefused, nodesOf, walkMyPages } from './support/page-helpers.js';

/** Who works where, as read: Organization.members, Organization.pendingEmployments, Person.employments. */
describe('employment', () => {
  let t: TestApp;
  const { members, makeAdmin, organizationWithOutsiders } = employmentHelpers(() => t);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
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
      expect(own.data!.person.employments.totalCount).toBe(3);
      expect(nodesOf(own.data!.person.employments)).toEqual([
        { id: pending.id, title: 'Hoped-for job', status: 'PENDING', organization: { id: third.id } },
        { id: approved.id, title: 'Current job', status: 'APPROVED', organization: { id: second.id } },
        { id: ended.id, title: 'Former job', status: 'ENDED', organization: { id: first.id } },
      ]);
      const me = await t.gql(`query { me { employments { edges { node { id } } } } }`, {}, person.token);
      expect(nodesOf(me.data!.me.employments).map((e: { id: string }) => e.id)).toEqual([
        pending.id,
        approved.id,
        ended.id,
      ]);

      // Not even an admin of the organization sees someone else's pending request here.
      for (const viewer of [await newPerson(t), admin]) {
        const res = await t.gql(PERSON_EMPLOYMENTS, { id: person.id }, viewer.token);
        expect(res.data!.person.employments.totalCount).toBe(2);
        expect(nodesOf(res.data!.person.employments).map((e: { id: string }) => e.id)).toEqual([approved.id, ended.id]);
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
      expect(nodesOf(own.data!.person.employments).map((e: any) => [e.id, e.status])).toEqual([
        [declined.id, 'ENDED'],
        [withdrawn.id, 'ENDED'],
      ]);
      for (const viewer of [await newPerson(t), admin]) {
        const res = await t.gql(PERSON_EMPLOYMENTS, { id: person.id }, viewer.token);
        expect(res.errors).toBeUndefined();
        expect(res.data!.person.employments).toEqual({ totalCount: 0, edges: [] });
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
      expect(nodesOf(res.data!.person.employments)).toEqual([
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
           a: person(id: $a) { employments { edges { node { id } } } }
           b: person(id: $b) { employments { edges { node { id } } } }
         }`,
        { a: a.id, b: b.id },
        b.token,
      );
      expect(res.errors).toBeUndefined();
      expect(nodesOf(res.data!.a.employments)).toEqual([{ id: approvedA.id }]);
      expect(nodesOf(res.data!.b.employments)).toEqual([{ id: pendingB.id }]);
    });

    it('pages with first and after in the same order, with totalCount and pageInfo, and at most 100 a page', async () => {
      const admin = await newPerson(t);
      const person = await newPerson(t);
      const created: string[] = [];
      for (let i = 0; i < 5; i += 1) {
        const organization = await newOrganization(t, admin);
        created.push(
          (await newEmployment(t, person, organization, { approvedBy: i % 2 === 0 ? admin : undefined })).id,
        );
      }
      const all = await t.gql(`query { me { employments(first: 100) { edges { node { id } } } } }`, {}, person.token);
      const newestFirst = nodesOf(all.data!.me.employments).map((e: { id: string }) => e.id);
      expect(newestFirst).toEqual([...created].reverse());
      expect(await walkMyPages(t, person.token, 'employments', 2)).toEqual(newestFirst);
      await expectFirstOverMaximumRefused(t, person.token, 'employments');
    });
  });
});
