import { NotificationRetentionService } from '#tradegraph/notifications';
import { endorsementHelpers, STEEL } from './support/endorsements-helpers.js';
import { newPerson, TestPerson } from './support/factories.js';
import { createTestApp, onlyError, TestApp } from './support/test-app.js';
import { tradeHelpers } from './support/trades-helpers.js';

const NOTIFICATIONS = `query Notifications($first: Int) { notifications(first: $first) { totalCount edges { node { id } } } }`;
const AUDIT_LOG = `query Audit($id: ID!, $first: Int) { organization(id: $id) { auditLog(first: $first) { totalCount } } }`;

describe('bounded work: notifications', () => {
  let t: TestApp;
  const { endorse, endorsed, newSupplier } = endorsementHelpers(() => t);
  const { newSides, confirmedTrade, leave } = tradeHelpers(() => t);

  beforeAll(async () => {
    // Small prune batches, so that one prune needs several of them.
    t = await createTestApp({ NOTIFICATION_PRUNE_BATCH_SIZE: '100' });
  });
  afterAll(async () => {
    await t.close();
  });

  const countOf = async (personId: string, kind: string) =>
    (
      await t.neo4j.read<{ n: number }>(
        'MATCH (:Person {id: $personId})-[:HAS_NOTIFICATION]->(n:Notification {kind: $kind}) RETURN count(n) AS n',
        { personId, kind },
      )
    )[0].n;

  describe('once per change', () => {
    it('notifies a supplier once for 20 identical endorsements, and again when the rating changes', async () => {
      const { admin, supplier } = await newSupplier();
      const endorser = await newPerson(t, { name: 'Endorser' });
      const input = { supplierId: supplier.id, categoryId: STEEL, rating: 4, comment: 'Reliable.' };
      const results = await Promise.all(Array.from({ length: 20 }, () => endorse(endorser, input)));
      for (const res of results) expect(res.errors).toBeUndefined();
      expect(new Set(results.map((res) => res.data!.endorseSupplier.id)).size).toBe(1);
      expect(await countOf(admin.id, 'ORGANIZATION_ENDORSED')).toBe(1);

      // An identical repeat is not an update either: updatedAt stays.
      const first = results[0].data!.endorseSupplier;
      expect((await endorsed(endorser, input)).updatedAt).toBe(first.updatedAt);

      const changed = await endorsed(endorser, { ...input, rating: 5 });
      expect(changed).toMatchObject({ id: first.id, rating: 5 });
      expect(await countOf(admin.id, 'ORGANIZATION_ENDORSED')).toBe(2);
      // A changed comment is a change too; the same comment again is not.
      await endorsed(endorser, { ...input, rating: 5, comment: 'Reliable and fast.' });
      await endorsed(endorser, { ...input, rating: 5, comment: 'Reliable and fast.' });
      expect(await countOf(admin.id, 'ORGANIZATION_ENDORSED')).toBe(3);
    });

    it('notifies a supplier once for repeated identical feedback, and again when a score changes', async () => {
      const world = await newSides();
      const trade = await confirmedTrade(world);
      const scores = { quality: 4, delivery: 3, communication: 5, comment: 'On time.' };
      for (let i = 0; i < 5; i++) {
        expect((await leave(world.buyerMember, trade.id, scores)).errors).toBeUndefined();
      }
      expect(await countOf(world.supplierAdmin.id, 'FEEDBACK_RECEIVED')).toBe(1);
      expect((await leave(world.buyerMember, trade.id, { ...scores, delivery: 1 })).errors).toBeUndefined();
      expect(await countOf(world.supplierAdmin.id, 'FEEDBACK_RECEIVED')).toBe(2);
      // The same scores from another member of the buyer replace the author: that is news as well.
      expect((await leave(world.buyerAdmin, trade.id, { ...scores, delivery: 1 })).errors).toBeUndefined();
      expect(await countOf(world.supplierAdmin.id, 'FEEDBACK_RECEIVED')).toBe(3);
    });
  });

  describe('retention', () => {
    /** Stored notifications of a person, created `ageMinutes[i]` minutes ago. */
    const storeNotifications = (person: TestPerson, ageMinutes: number[]) =>
      t.neo4j.write(
        `MATCH (p:Person {id: $personId})
         UNWIND range(0, size($ageMinutes) - 1) AS i
         CREATE (p)-[:HAS_NOTIFICATION]->(:Notification {id: randomUUID(), kind: 'CONNECTION_ACCEPTED',
           createdAt: datetime() - duration({minutes: $ageMinutes[i]}), subjectId: 'subject-' + i,
           summary: 'Someone accepted', actorId: null, age: $ageMinutes[i]})`,
        { personId: person.id, ageMinutes },
      );
    const agesOf = async (person: TestPerson) =>
      (
        await t.neo4j.read<{ age: number }>(
          `MATCH (:Person {id: $personId})-[:HAS_NOTIFICATION]->(n:Notification) WHERE n.age IS NOT NULL
           RETURN n.age AS age ORDER BY age`,
          { personId: person.id },
        )
      ).map((row) => row.age);
    const DAY = 24 * 60;

    it('deletes notifications older than the retention period and beyond the newest 1000 per person', async () => {
      const busy = await newPerson(t, { name: 'Busy' });
      const quiet = await newPerson(t, { name: 'Quiet' });
      // 1,005 recent notifications, one minute apart.
      await storeNotifications(
        busy,
        Array.from({ length: 1005 }, (_, i) => i),
      );
      // 250 older than 180 days, and two within it (one just inside).
      await storeNotifications(quiet, [...Array.from({ length: 250 }, (_, i) => 181 * DAY + i), 5, 179 * DAY]);

      const result = await t.app.get(NotificationRetentionService).prune();

      expect(result).toEqual({ expired: 250, overflow: 5 });
      // The newest 1000 are kept: ages 0 to 999 minutes.
      expect(await agesOf(busy)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
      expect(await agesOf(quiet)).toEqual([5, 179 * DAY]);
      const listed = await t.gql(NOTIFICATIONS, { first: 1 }, busy.token);
      expect(listed.data!.notifications.totalCount).toBe(1000);

      // Nothing is left to remove.
      expect(await t.app.get(NotificationRetentionService).prune()).toEqual({ expired: 0, overflow: 0 });
    });
  });

  describe('page sizes', () => {
    it('refuses more than 100 notifications or audit entries per page', async () => {
      const { admin, supplier } = await newSupplier();
      expect(onlyError(await t.gql(NOTIFICATIONS, { first: 101 }, admin.token)).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'first',
      });
      expect(onlyError(await t.gql(AUDIT_LOG, { id: supplier.id, first: 101 }, admin.token)).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'first',
      });
      expect((await t.gql(NOTIFICATIONS, { first: 100 }, admin.token)).errors).toBeUndefined();
      expect((await t.gql(AUDIT_LOG, { id: supplier.id, first: 100 }, admin.token)).errors).toBeUndefined();
    });
  });
});
