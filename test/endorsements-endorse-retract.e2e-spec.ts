import { newEmployment, newPerson } from './support/factories.js';
import { createTestApp, onlyError, TestApp } from './support/test-app.js';
import {
  END_EMPLOYMENT,
  ENDORSE,
  endorsementHelpers,
  FASTENERS,
  RETRACT,
  STEEL,
} from './support/endorsements-helpers.js';

/** Endorsing a supplier in a category, and retracting the endorsement. */
describe('endorsements', () => {
  let t: TestApp;
  const { endorse, endorsed, newSupplier, stored, endorsementsOf } = endorsementHelpers(() => t);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('endorseSupplier', () => {
    it('creates an endorsement in the shared graph model and returns it with its related nodes', async () => {
      const { supplier } = await newSupplier();
      const endorser = await newPerson(t, { name: 'Endorser' });
      const endorsement = await endorsed(endorser, {
        supplierId: supplier.id,
        categoryId: STEEL,
        rating: 4,
        comment: '  Reliable deliveries.  ',
      });
      expect(endorsement).toEqual({
        id: expect.any(String),
        rating: 4,
        comment: 'Reliable deliveries.',
        verified: false,
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        updatedAt: endorsement.createdAt,
        endorser: { id: endorser.id, name: 'Endorser' },
        supplier: { id: supplier.id, name: supplier.name },
        category: { id: STEEL, name: 'Steel' },
      });

      const rows = await t.neo4j.read(
        `MATCH (p:Person)-[:ENDORSED]->(e:Endorsement {id: $id})-[:OF]->(o:Organization),
               (e)-[:IN_CATEGORY]->(c:Category)
         RETURN p.id AS personId, o.id AS organizationId, c.id AS categoryId,
                e.endorserId AS endorserId, e.supplierId AS supplierId, e.categoryId AS keyCategoryId,
                e.rating AS rating, e.comment AS comment`,
        { id: endorsement.id },
      );
      expect(rows).toEqual([
        {
          personId: endorser.id,
          organizationId: supplier.id,
          categoryId: STEEL,
          endorserId: endorser.id,
          supplierId: supplier.id,
          keyCategoryId: STEEL,
          rating: 4,
          comment: 'Reliable deliveries.',
        },
      ]);
    });

    it('stores no comment when it is omitted, null or blank', async () => {
      const { supplier } = await newSupplier();
      for (const comment of [undefined, null, '   ']) {
        const endorser = await newPerson(t);
        const endorsement = await endorsed(endorser, {
          supplierId: supplier.id,
          categoryId: STEEL,
          rating: 3,
          comment,
        });
        expect(endorsement.comment).toBeNull();
        expect((await stored(endorser.id, supplier.id))[0].comment).toBeNull();
      }
    });

    it('updates the earlier endorsement when the same person endorses the same supplier and category again', async () => {
      const { supplier } = await newSupplier();
      const endorser = await newPerson(t);
      const first = await endorsed(endorser, {
        supplierId: supplier.id,
        categoryId: STEEL,
        rating: 2,
        comment: 'Slow.',
      });
      const second = await endorsed(endorser, {
        supplierId: supplier.id,
        categoryId: STEEL,
        rating: 5,
        comment: 'Much better now.',
      });
      expect(second).toMatchObject({
        id: first.id,
        rating: 5,
        comment: 'Much better now.',
        createdAt: first.createdAt,
      });
      expect(new Date(second.updatedAt).getTime()).toBeGreaterThan(new Date(first.updatedAt).getTime());

      // Endorsing again without a comment clears the old one.
      const third = await endorsed(endorser, { supplierId: supplier.id, categoryId: STEEL, rating: 4 });
      expect(third).toMatchObject({ id: first.id, rating: 4, comment: null, createdAt: first.createdAt });
      expect(await stored(endorser.id, supplier.id)).toEqual([
        { id: first.id, rating: 4, comment: null, categoryId: STEEL },
      ]);
    });

    it('keeps one endorsement per category, and one per endorser', async () => {
      const { supplier } = await newSupplier();
      const [a, b] = [await newPerson(t), await newPerson(t)];
      const steel = await endorsed(a, { supplierId: supplier.id, categoryId: STEEL, rating: 5 });
      const fasteners = await endorsed(a, { supplierId: supplier.id, categoryId: FASTENERS, rating: 3 });
      const byB = await endorsed(b, { supplierId: supplier.id, categoryId: STEEL, rating: 1 });
      expect(new Set([steel.id, fasteners.id, byB.id]).size).toBe(3);
      expect(await stored(a.id, supplier.id)).toEqual([
        { id: fasteners.id, rating: 3, comment: null, categoryId: FASTENERS },
        { id: steel.id, rating: 5, comment: null, categoryId: STEEL },
      ]);
      expect(await stored(b.id, supplier.id)).toHaveLength(1);
    });

    it('leaves exactly one endorsement after 20 concurrent identical calls', async () => {
      const { supplier } = await newSupplier();
      const endorser = await newPerson(t);
      const input = { supplierId: supplier.id, categoryId: STEEL, rating: 5, comment: 'Great' };
      const results = await Promise.all(Array.from({ length: 20 }, () => endorse(endorser, input)));
      expect(results.map((res) => res.errors)).toEqual(Array(20).fill(undefined));
      const ids = new Set(results.map((res) => res.data!.endorseSupplier.id));
      expect(ids.size).toBe(1);
      const [row] = await t.neo4j.read<{ nodes: number; endorsed: number; of: number; inCategory: number }>(
        `MATCH (e:Endorsement {endorserId: $endorserId, supplierId: $supplierId, categoryId: $categoryId})
         RETURN count(e) AS nodes,
                sum(COUNT { (:Person)-[:ENDORSED]->(e) }) AS endorsed,
                sum(COUNT { (e)-[:OF]->(:Organization) }) AS of,
                sum(COUNT { (e)-[:IN_CATEGORY]->(:Category) }) AS inCategory`,
        { endorserId: endorser.id, supplierId: supplier.id, categoryId: STEEL },
      );
      expect(row).toEqual({ nodes: 1, endorsed: 1, of: 1, inCategory: 1 });
    });

    it.each([0, 6, -1, 100])(
      'rejects the rating %p with BAD_USER_INPUT on input.rating and stores nothing',
      async (rating) => {
        const { supplier } = await newSupplier();
        const endorser = await newPerson(t);
        const res = await endorse(endorser, { supplierId: supplier.id, categoryId: STEEL, rating });
        expect(onlyError(res).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.rating' });
        expect(res.data).toBeNull();
        expect(await stored(endorser.id, supplier.id)).toEqual([]);
      },
    );

    it('rejects a rating that is not a whole number with BAD_USER_INPUT', async () => {
      const { supplier } = await newSupplier();
      const endorser = await newPerson(t);
      const res = await endorse(endorser, { supplierId: supplier.id, categoryId: STEEL, rating: 4.5 });
      expect(onlyError(res).extensions.code).toBe('BAD_USER_INPUT');
      expect(await stored(endorser.id, supplier.id)).toEqual([]);
    });

    it('accepts ratings 1 and 5 and a comment of 2,000 characters, and rejects 2,001 on input.comment', async () => {
      const { supplier } = await newSupplier();
      const endorser = await newPerson(t);
      const low = await endorsed(endorser, { supplierId: supplier.id, categoryId: STEEL, rating: 1 });
      expect(low.rating).toBe(1);
      const longest = 'c'.repeat(2000);
      const high = await endorsed(endorser, {
        supplierId: supplier.id,
        categoryId: STEEL,
        rating: 5,
        comment: longest,
      });
      expect(high).toMatchObject({ rating: 5, comment: longest });

      const tooLong = await endorse(endorser, {
        supplierId: supplier.id,
        categoryId: STEEL,
        rating: 2,
        comment: 'c'.repeat(2001),
      });
      expect(onlyError(tooLong).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.comment' });
      expect(await stored(endorser.id, supplier.id)).toEqual([
        { id: low.id, rating: 5, comment: longest, categoryId: STEEL },
      ]);
    });

    it('answers BAD_USER_INPUT on the field at fault for an unknown supplier or category, or one it does not supply', async () => {
      const { supplier } = await newSupplier([STEEL]);
      const endorser = await newPerson(t);
      const cases: [Record<string, unknown>, string][] = [
        [{ supplierId: 'no-such-organization', categoryId: STEEL }, 'input.supplierId'],
        [{ supplierId: supplier.id, categoryId: 'no-such-category' }, 'input.categoryId'],
        [{ supplierId: supplier.id, categoryId: FASTENERS }, 'input.categoryId'],
        // The parent of a supplied category is not itself supplied.
        [{ supplierId: supplier.id, categoryId: 'metals' }, 'input.categoryId'],
      ];
      for (const [input, field] of cases) {
        const res = await endorse(endorser, { ...input, rating: 4 });
        expect([input, onlyError(res).extensions]).toEqual([input, { code: 'BAD_USER_INPUT', field }]);
      }
      const [row] = await t.neo4j.read<{ n: number }>(
        'MATCH (:Person {id: $id})-[:ENDORSED]->(e) RETURN count(e) AS n',
        { id: endorser.id },
      );
      expect(row.n).toBe(0);
    });

    it('forbids the supplier’s current members, admin or not, and stores nothing', async () => {
      const { admin, supplier } = await newSupplier();
      const member = await newPerson(t);
      await newEmployment(t, member, supplier, { approvedBy: admin });
      for (const [who, actor] of [
        ['the admin', admin],
        ['an approved member', member],
      ] as const) {
        const res = await endorse(actor, { supplierId: supplier.id, categoryId: STEEL, rating: 5 });
        expect([who, onlyError(res).extensions]).toEqual([who, { code: 'FORBIDDEN' }]);
        expect(res.data).toBeNull();
        expect(await stored(actor.id, supplier.id)).toEqual([]);
      }
    });

    it('lets former members and people whose request is still pending endorse the supplier', async () => {
      const { admin, supplier } = await newSupplier();
      const former = await newPerson(t);
      const employment = await newEmployment(t, former, supplier, { approvedBy: admin });
      expect((await t.gql(END_EMPLOYMENT, { employmentId: employment.id }, former.token)).errors).toBeUndefined();
      const requester = await newPerson(t);
      await newEmployment(t, requester, supplier);
      for (const person of [former, requester]) {
        await endorsed(person, { supplierId: supplier.id, categoryId: STEEL, rating: 4 });
        expect(await stored(person.id, supplier.id)).toHaveLength(1);
      }
    });

    it('requires a signed-in caller', async () => {
      const { supplier } = await newSupplier();
      const res = await t.gql(ENDORSE, { input: { supplierId: supplier.id, categoryId: STEEL, rating: 5 } });
      expect(onlyError(res).extensions.code).toBe('UNAUTHENTICATED');
      expect((await endorsementsOf(supplier.id, await newPerson(t))).totalCount).toBe(0);
    });
  });

  describe('retractEndorsement', () => {
    it('lets the endorser delete their endorsement; endorsing again later starts a new one', async () => {
      const { supplier } = await newSupplier();
      const endorser = await newPerson(t);
      const endorsement = await endorsed(endorser, { supplierId: supplier.id, categoryId: STEEL, rating: 4 });
      const res = await t.gql(RETRACT, { endorsementId: endorsement.id }, endorser.token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.retractEndorsement).toBe(true);
      expect(await stored(endorser.id, supplier.id)).toEqual([]);
      expect((await endorsementsOf(supplier.id, endorser)).totalCount).toBe(0);

      const again = await endorsed(endorser, { supplierId: supplier.id, categoryId: STEEL, rating: 2 });
      expect(again.id).not.toBe(endorsement.id);
    });

    it('forbids everyone but the endorser, the supplier’s admin included, and keeps the endorsement', async () => {
      const { admin, supplier } = await newSupplier();
      const endorser = await newPerson(t);
      const endorsement = await endorsed(endorser, { supplierId: supplier.id, categoryId: STEEL, rating: 1 });
      const otherEndorser = await newPerson(t);
      await endorsed(otherEndorser, { supplierId: supplier.id, categoryId: STEEL, rating: 5 });
      for (const [who, actor] of [
        ['a stranger', await newPerson(t)],
        ['the supplier’s admin', admin],
        ['another endorser of the same supplier', otherEndorser],
      ] as const) {
        const res = await t.gql(RETRACT, { endorsementId: endorsement.id }, actor.token);
        expect([who, onlyError(res).extensions]).toEqual([who, { code: 'FORBIDDEN' }]);
        expect(res.data).toBeNull();
      }
      expect(await stored(endorser.id, supplier.id)).toHaveLength(1);
    });

    it('answers NOT_FOUND on endorsementId for an unknown or already retracted endorsement', async () => {
      const { supplier } = await newSupplier();
      const endorser = await newPerson(t);
      const unknown = await t.gql(RETRACT, { endorsementId: 'no-such-endorsement' }, endorser.token);
      expect(onlyError(unknown).extensions).toEqual({ code: 'NOT_FOUND', field: 'endorsementId' });

      const endorsement = await endorsed(endorser, { supplierId: supplier.id, categoryId: STEEL, rating: 4 });
      await t.gql(RETRACT, { endorsementId: endorsement.id }, endorser.token);
      const twice = await t.gql(RETRACT, { endorsementId: endorsement.id }, endorser.token);
      expect(onlyError(twice).extensions).toEqual({ code: 'NOT_FOUND', field: 'endorsementId' });
    });

    it('requires a signed-in caller', async () => {
      const { supplier } = await newSupplier();
      const endorser = await newPerson(t);
      const endorsement = await endorsed(endorser, { supplierId: supplier.id, categoryId: STEEL, rating: 4 });
      const res = await t.gql(RETRACT, { endorsementId: endorsement.id });
      expect(onlyError(res).extensions.code).toBe('UNAUTHENTICATED');
      expect(await stored(endorser.id, supplier.id)).toHaveLength(1);
    });
  });
});
