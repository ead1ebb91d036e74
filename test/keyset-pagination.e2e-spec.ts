import { NotificationKind, NotificationsService } from '#tradegraph/notifications';
import { Organization, OrganizationRole } from '#tradegraph/organizations';
import { newEmployment, newOrganization, newPerson, TestPerson } from './support/factories.js';
import {
  dataAt,
  expectBadInput,
  sameCreatedAt,
  statementRuns,
  walk,
  WALKED_PAGE,
  WalkedPage,
} from './support/keyset-helpers.js';
import { METALS, sourcingHelpers, STEEL } from './support/sourcing-helpers.js';
import { createTestApp, GqlResponse, TestApp } from './support/test-app.js';

const NOTIFICATIONS = `query N($first: Int, $after: String) { notifications(first: $first, after: $after) { ${WALKED_PAGE} } }`;
const MEMBERS = `query M($id: ID!, $first: Int, $after: String) {
  organization(id: $id) { members(first: $first, after: $after) { ${WALKED_PAGE} } }
}`;
const PENDING = `query P($id: ID!, $first: Int, $after: String) {
  organization(id: $id) { pendingEmployments(first: $first, after: $after) { ${WALKED_PAGE} } }
}`;
const ANSWERS = `query A($id: ID!, $first: Int, $after: String) {
  sourcingRequest(id: $id) { answers(first: $first, after: $after) { ${WALKED_PAGE} } }
}`;
const FOR_ME = `query F($first: Int, $after: String) { me { sourcingRequestsForMe(first: $first, after: $after) { ${WALKED_PAGE} } } }`;
const SEARCH = `query S($text: String, $categoryId: ID, $country: String, $first: Int, $after: String) {
  searchSuppliers(text: $text, categoryId: $categoryId, country: $country, first: $first, after: $after) {
    ${WALKED_PAGE}
  }
}`;

/** Instants a few hundred nanoseconds apart: ties and near-ties finer than a millisecond. */
const T1 = '2026-01-01T10:00:00.000000500Z';
const T0 = '2026-01-01T10:00:00.000000400Z';
/** A well-formed cursor of the notifications list, which no other list takes. */
const NOTIFICATION_CURSOR = Buffer.from(JSON.stringify(['notifications', T1, 'n-1'])).toString('base64url');

describe('keyset pagination', () => {
  let t: TestApp;
  const sourcing = sourcingHelpers(() => t);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** The checks every list gets: page walk = one page, stable under an insert before the cursor, bad cursors refused. */
  async function checkList(options: {
    fetch: (first: number, after: string | null) => Promise<WalkedPage>;
    raw: (after: string) => Promise<GqlResponse>;
    insertBeforeCursor: () => Promise<unknown>;
    foreignCursor: string;
  }): Promise<void> {
    const whole = await options.fetch(100, null);
    const all = whole.edges.map((edge) => edge.node.id);
    expect(whole.totalCount).toBe(all.length);
    expect(whole.pageInfo.hasNextPage).toBe(false);

    const walked = await walk(options.fetch, 2);
    expect(walked.ids).toEqual(all);
    expect(walked.totals.every((total) => total === all.length)).toBe(true);
    expect(walked.pages).toBe(Math.ceil(all.length / 2));

    // An item that sorts before the cursor, added after the first page, shifts nothing after it.
    const stable = await walk(options.fetch, 2, options.insertBeforeCursor);
    expect(stable.ids).toEqual(all);
    expect(stable.totals.slice(1).every((total) => total === all.length + 1)).toBe(true);

    expectBadInput(await options.raw('garbage'));
    expectBadInput(await options.raw(Buffer.from('offset:1').toString('base64url')));
    expectBadInput(await options.raw(options.foreignCursor));
  }

  describe('notifications', () => {
    it('walks every page in order, ties broken by id, stable while a newer one arrives', async () => {
      const me = await newPerson(t);
      const notifications = t.app.get(NotificationsService);
      const notify = (subject: string) =>
        notifications.notify([me.id], NotificationKind.CONNECTION_REQUEST_RECEIVED, null, subject, 'wants to connect');
      for (let i = 0; i < 7; i += 1) await notify(`subject-${i}`);
      const ids = (
        await t.neo4j.read<{ id: string }>(
          'MATCH (:Person {id: $id})-[:HAS_NOTIFICATION]->(n) RETURN n.id AS id ORDER BY id',
          { id: me.id },
        )
      ).map((row) => row.id);
      await sameCreatedAt(t, ids.slice(0, 3), T1);
      await sameCreatedAt(t, ids.slice(3, 6), T0);

      const fetch = async (first: number, after: string | null) =>
        dataAt<WalkedPage>(await t.gql(NOTIFICATIONS, { first, after }, me.token), 'notifications');
      const whole = await fetch(100, null);
      // Newest first: the one left as created (now), then T1 and T0, each tie by id descending.
      expect(whole.edges.map((edge) => edge.node.id)).toEqual([
        ids[6],
        ...ids.slice(0, 3).reverse(),
        ...ids.slice(3, 6).reverse(),
      ]);
      await checkList({
        fetch,
        raw: (after) => t.gql(NOTIFICATIONS, { first: 2, after }, me.token),
        insertBeforeCursor: () => notify('newest'),
        foreignCursor: Buffer.from(JSON.stringify(['members', 'Ann', 'p', 'e'])).toString('base64url'),
      });
    });

    it('counts the total with its own statement, only when totalCount is selected', async () => {
      const me = await newPerson(t);
      const before = await statementRuns(t, 'NotificationsRepository.count');
      dataAt(await t.gql('query { notifications(first: 2) { edges { node { id } } } }', {}, me.token), 'notifications');
      expect(await statementRuns(t, 'NotificationsRepository.count')).toBe(before);
      dataAt(await t.gql('query { notifications(first: 2) { totalCount } }', {}, me.token), 'notifications');
      expect(await statementRuns(t, 'NotificationsRepository.count')).toBe(before + 1);
    });
  });

  describe('organization members and pending employments', () => {
    let admin: TestPerson;
    let organization: Organization;

    beforeAll(async () => {
      admin = await newPerson(t, { name: 'Mia Admin' });
      organization = await newOrganization(t, admin);
      for (const name of ['Zoe', 'Same Name', 'Anna', 'Same Name', 'Same Name', 'Karl']) {
        await newEmployment(t, await newPerson(t, { name }), organization, { approvedBy: admin });
      }
      for (const name of ['Pat Pending', 'Pat Pending', 'Pat Pending', 'Bo Pending']) {
        await newEmployment(t, await newPerson(t, { name }), organization);
      }
    });

    it('walks the members by name, then id, stable while someone who sorts first joins', async () => {
      const viewer = await newPerson(t);
      const fetch = async (first: number, after: string | null) =>
        dataAt<WalkedPage>(
          await t.gql(MEMBERS, { id: organization.id, first, after }, viewer.token),
          'organization.members',
        );
      const pendingCursor = dataAt<WalkedPage>(
        await t.gql(PENDING, { id: organization.id, first: 1 }, admin.token),
        'organization.pendingEmployments',
      ).pageInfo.endCursor!;
      await checkList({
        fetch,
        raw: (after) => t.gql(MEMBERS, { id: organization.id, first: 2, after }, viewer.token),
        insertBeforeCursor: async () =>
          newEmployment(t, await newPerson(t, { name: 'Aaron First' }), organization, { approvedBy: admin }),
        foreignCursor: pendingCursor,
      });
    });

    it('walks the pending requests the same way, for an admin', async () => {
      const fetch = async (first: number, after: string | null) =>
        dataAt<WalkedPage>(
          await t.gql(PENDING, { id: organization.id, first, after }, admin.token),
          'organization.pendingEmployments',
        );
      await checkList({
        fetch,
        raw: (after) => t.gql(PENDING, { id: organization.id, first: 2, after }, admin.token),
        insertBeforeCursor: async () => newEmployment(t, await newPerson(t, { name: 'Aa Pending' }), organization),
        foreignCursor: NOTIFICATION_CURSOR,
      });
    });

    it('counts each organization of one request on its own, in one statement', async () => {
      const other = await newOrganization(t, await newPerson(t, { name: 'Other Admin' }));
      const both = `query B($a: ID!, $b: ID!) {
        a: organization(id: $a) { members(first: 1) { totalCount } }
        b: organization(id: $b) { members(first: 1) { totalCount } }
      }`;
      const before = await statementRuns(t, 'EmploymentRepository.countsByOrganizations');
      const res = await t.gql(both, { a: organization.id, b: other.id }, admin.token);
      expect(dataAt(res, 'a.members.totalCount')).toBe(8);
      expect(dataAt(res, 'b.members.totalCount')).toBe(1);
      expect(await statementRuns(t, 'EmploymentRepository.countsByOrganizations')).toBe(before + 1);
    });
  });

  describe('sourcing', () => {
    it('walks a request’s answers newest first, stable while a new answer arrives', async () => {
      const { requester, friend } = await sourcing.setup();
      const request = await sourcing.posted(requester, { categoryId: METALS });
      const answerIds: string[] = [];
      for (let i = 0; i < 6; i += 1) {
        const supplier = await sourcing.newSupplier([STEEL]);
        answerIds.push((await sourcing.answered(friend, { requestId: request.id, supplierId: supplier.id })).id);
      }
      await sameCreatedAt(t, answerIds.slice(0, 3), T1);
      await sameCreatedAt(t, answerIds.slice(3, 5), T0);
      const fetch = async (first: number, after: string | null) =>
        dataAt<WalkedPage>(
          await t.gql(ANSWERS, { id: request.id, first, after }, requester.token),
          'sourcingRequest.answers',
        );
      const whole = await fetch(100, null);
      // Newest first, ties by id ascending (as before keyset cursors).
      expect(whole.edges.map((edge) => edge.node.id)).toEqual([
        answerIds[5],
        ...answerIds.slice(0, 3).sort(),
        ...answerIds.slice(3, 5).sort(),
      ]);
      await checkList({
        fetch,
        raw: (after) => t.gql(ANSWERS, { id: request.id, first: 2, after }, requester.token),
        insertBeforeCursor: async () =>
          sourcing.answered(friend, { requestId: request.id, supplierId: (await sourcing.newSupplier([STEEL])).id }),
        foreignCursor: NOTIFICATION_CURSOR,
      });
    });

    it('pages the answers of several requests in one statement, each counted on its own', async () => {
      const { requester, friend } = await sourcing.setup();
      const first = await sourcing.posted(requester);
      const second = await sourcing.posted(requester);
      for (let i = 0; i < 3; i += 1) {
        await sourcing.answered(friend, { requestId: first.id, supplierId: (await sourcing.newSupplier()).id });
      }
      const both = `query B($a: ID!, $b: ID!) {
        a: sourcingRequest(id: $a) { answers(first: 2) { totalCount edges { node { id } } pageInfo { hasNextPage } } }
        b: sourcingRequest(id: $b) { answers(first: 2) { totalCount edges { node { id } } pageInfo { hasNextPage } } }
      }`;
      const [pages, counts] = ['SourcingRepository.answerPages', 'SourcingRepository.answerCounts'];
      const before = [await statementRuns(t, pages), await statementRuns(t, counts)];
      const res = await t.gql(both, { a: first.id, b: second.id }, requester.token);
      expect(dataAt(res, 'a.answers')).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
      expect(dataAt(res, 'b.answers')).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false } });
      expect([await statementRuns(t, pages), await statementRuns(t, counts)]).toEqual([before[0] + 1, before[1] + 1]);
    });

    it('walks the requests a person can answer newest first, stable while a new one is posted', async () => {
      const { requester, friend } = await sourcing.setup();
      const requestIds: string[] = [];
      for (let i = 0; i < 5; i += 1) requestIds.push((await sourcing.posted(requester)).id);
      await sameCreatedAt(t, requestIds.slice(0, 3), T1);
      const fetch = async (first: number, after: string | null) =>
        dataAt<WalkedPage>(await t.gql(FOR_ME, { first, after }, friend.token), 'me.sourcingRequestsForMe');
      const whole = await fetch(100, null);
      // The two left as posted (now), newest first, then the tie, by id ascending (as before keyset cursors).
      expect(whole.edges.map((edge) => edge.node.id)).toEqual([
        requestIds[4],
        requestIds[3],
        ...requestIds.slice(0, 3).sort(),
      ]);
      await checkList({
        fetch,
        raw: (after) => t.gql(FOR_ME, { first: 2, after }, friend.token),
        insertBeforeCursor: () => sourcing.posted(requester),
        foreignCursor: NOTIFICATION_CURSOR,
      });
    });
  });

  describe('searchSuppliers', () => {
    let owner: TestPerson;
    const supplier = (name: string, categoryIds = [STEEL]) =>
      newOrganization(t, owner, { name, country: 'IS', roles: [OrganizationRole.SUPPLIER], categoryIds });

    beforeAll(async () => {
      owner = await newPerson(t);
      for (const name of ['Keyset Steel', 'Keyset Steel', 'Borg Steel', 'Keyset Steel', 'Yrsa Steelworks']) {
        await supplier(name);
      }
      await supplier('Plastic Steel Imitations', ['plastics-resins']);
    });

    const byName = (variables: Record<string, unknown>) => async (first: number, after: string | null) =>
      dataAt<WalkedPage>(await t.gql(SEARCH, { ...variables, first, after }, owner.token), 'searchSuppliers');

    it.each([
      ['all of a country', { country: 'IS' }],
      ['of a category', { country: 'IS', categoryId: METALS }],
    ])('walks the suppliers %s by name, then id, stable while one that sorts first is added', async (_, filter) => {
      let added = 0;
      await checkList({
        fetch: byName(filter),
        raw: (after) => t.gql(SEARCH, { ...filter, first: 2, after }, owner.token),
        insertBeforeCursor: () => supplier(`AAA Steel ${(added += 1)}`),
        foreignCursor: NOTIFICATION_CURSOR,
      });
    });

    it('pages past suppliers whose names are as long as allowed, in any script', async () => {
      const long = ['語', 'Ž', '🚢', '\u0007'].map((char) => char.repeat(200).slice(0, 200));
      const longOwner = await newPerson(t);
      for (const name of long) {
        await newOrganization(t, longOwner, { name, country: 'FO', roles: [OrganizationRole.SUPPLIER] });
      }
      const walked = await walk(byName({ country: 'FO' }), 1);
      expect(walked.ids).toHaveLength(long.length);
      expect(new Set(walked.ids).size).toBe(long.length);
    });

    it('walks text matches by relevance with offset cursors, which name cursors do not fit', async () => {
      const text = { text: 'Keyset', country: 'IS' };
      const whole = await byName(text)(100, null);
      expect(whole.totalCount).toBe(3);
      const walked = await walk(byName(text), 2);
      expect(walked.ids).toEqual(whole.edges.map((edge) => edge.node.id));
      expect(walked.totals).toEqual([3, 3]);
      const nameCursor = (await byName({ country: 'IS' })(1, null)).pageInfo.endCursor;
      expectBadInput(await t.gql(SEARCH, { ...text, first: 2, after: nameCursor }, owner.token));
      const textCursor = whole.edges[0].cursor;
      expectBadInput(await t.gql(SEARCH, { country: 'IS', first: 2, after: textCursor }, owner.token));
    });
  });
});
