import { Organization } from '#tradegraph/organizations';
import { newEmployment, newOrganization, newPerson, TestPerson } from './support/factories.js';
import { createTestApp, GqlResponse, onlyError, TestApp } from './support/test-app.js';

const ENDORSEMENT_FIELDS = `id rating comment verified createdAt updatedAt
  endorser { id name } supplier { id name } category { id name }`;

const ENDORSE = `mutation Endorse($input: EndorseSupplierInput!) {
  endorseSupplier(input: $input) { ${ENDORSEMENT_FIELDS} }
}`;
const RETRACT = `mutation Retract($endorsementId: ID!) { retractEndorsement(endorsementId: $endorsementId) }`;
const ENDORSEMENTS = `query Endorsements($id: ID!, $categoryId: ID, $first: Int, $after: String) {
  organization(id: $id) {
    endorsements(categoryId: $categoryId, first: $first, after: $after) {
      totalCount
      edges { cursor node { id rating verified endorser { id } category { id } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
}`;
const END_EMPLOYMENT = `mutation End($employmentId: ID!) { endEmployment(employmentId: $employmentId) { status } }`;

const STEEL = 'metals-steel';
const FASTENERS = 'metals-fasteners';

describe('endorsements', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const endorse = (person: TestPerson, input: Record<string, unknown>) => t.gql(ENDORSE, { input }, person.token);
  /** Endorses and returns the endorsement, failing the test on any error. */
  const endorsed = async (person: TestPerson, input: Record<string, unknown>) => {
    const res = await endorse(person, input);
    expect(res.errors).toBeUndefined();
    return res.data!.endorseSupplier;
  };
  /** A supplier of steel and fasteners, with its admin. */
  const newSupplier = async (categoryIds = [STEEL, FASTENERS]) => {
    const admin = await newPerson(t, { name: 'Supplier admin' });
    const supplier = await newOrganization(t, admin, { categoryIds });
    return { admin, supplier };
  };
  /** Every endorsement stored for an endorser and supplier, read straight from the graph. */
  const stored = (endorserId: string, supplierId: string) =>
    t.neo4j.read<{ id: string; rating: number; comment: string | null; categoryId: string }>(
      `MATCH (e:Endorsement {endorserId: $endorserId, supplierId: $supplierId})
       RETURN e.id AS id, e.rating AS rating, e.comment AS comment, e.categoryId AS categoryId ORDER BY e.categoryId`,
      { endorserId, supplierId },
    );
  const endorsementsOf = async (organizationId: string, viewer: TestPerson, args: Record<string, unknown> = {}) => {
    const res = await t.gql(ENDORSEMENTS, { id: organizationId, ...args }, viewer.token);
    expect(res.errors).toBeUndefined();
    return res.data!.organization.endorsements;
  };
  /** Trades come from another lib; here they are written straight into the graph in its model. */
  const newTrade = async (
    buyer: Organization,
    supplier: Organization,
    options: { status?: string; visibility?: string } = {},
  ) => {
    const [row] = await t.neo4j.write<{ id: string }>(
      `MATCH (b:Organization {id: $buyerId}), (s:Organization {id: $supplierId}), (c:Category {id: $categoryId})
       CREATE (t:Trade {id: randomUUID(), occurredOn: date('2025-03-01'), amountBand: 'UNDER_10K',
                        visibility: $visibility, status: $status, createdAt: datetime()}),
              (t)-[:BUYER]->(b), (t)-[:SUPPLIER]->(s), (t)-[:IN_CATEGORY]->(c)
       RETURN t.id AS id`,
      {
        buyerId: buyer.id,
        supplierId: supplier.id,
        categoryId: STEEL,
        status: options.status ?? 'CONFIRMED',
        visibility: options.visibility ?? 'PUBLIC',
      },
    );
    return row.id;
  };

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

  describe('Endorsement.verified', () => {
    /** A supplier, a buyer organization, and an outsider who only views. */
    async function tradingPair() {
      const { admin: supplierAdmin, supplier } = await newSupplier();
      const buyerAdmin = await newPerson(t, { name: 'Buyer admin' });
      const buyer = await newOrganization(t, buyerAdmin);
      const outsider = await newPerson(t, { name: 'Outsider' });
      return { supplierAdmin, supplier, buyerAdmin, buyer, outsider };
    }
    /** The endorser's `verified` as `viewer` sees it through Organization.endorsements. */
    const verifiedAs = async (viewer: TestPerson, supplierId: string, endorsementId: string) => {
      const page = await endorsementsOf(supplierId, viewer, { first: 100 });
      const edge = page.edges.find((e: any) => e.node.id === endorsementId);
      return edge.node.verified as boolean;
    };
    const endorseSteel = (person: TestPerson, supplier: Organization) =>
      endorsed(person, { supplierId: supplier.id, categoryId: STEEL, rating: 5 });

    it('is true for a current member of the buyer in a CONFIRMED public trade with the supplier', async () => {
      const { supplier, buyerAdmin, buyer, outsider } = await tradingPair();
      const buyerMember = await newPerson(t);
      await newEmployment(t, buyerMember, buyer, { approvedBy: buyerAdmin });
      await newTrade(buyer, supplier);
      const endorsement = await endorseSteel(buyerMember, supplier);
      expect(endorsement.verified).toBe(true);
      expect(await verifiedAs(outsider, supplier.id, endorsement.id)).toBe(true);
    });

    it('is true for a member whose approved employment at the buyer has since ENDED', async () => {
      const { supplier, buyerAdmin, buyer, outsider } = await tradingPair();
      const former = await newPerson(t);
      const employment = await newEmployment(t, former, buyer, { approvedBy: buyerAdmin });
      expect((await t.gql(END_EMPLOYMENT, { employmentId: employment.id }, former.token)).errors).toBeUndefined();
      await newTrade(buyer, supplier);
      const endorsement = await endorseSteel(former, supplier);
      expect(await verifiedAs(outsider, supplier.id, endorsement.id)).toBe(true);
    });

    it('is false for someone never approved at the buyer: a pending request, or one withdrawn before approval', async () => {
      const { supplier, buyer, outsider } = await tradingPair();
      await newTrade(buyer, supplier);
      const pending = await newPerson(t);
      await newEmployment(t, pending, buyer);
      const withdrawn = await newPerson(t);
      const request = await newEmployment(t, withdrawn, buyer);
      expect((await t.gql(END_EMPLOYMENT, { employmentId: request.id }, withdrawn.token)).errors).toBeUndefined();
      for (const person of [pending, withdrawn, outsider]) {
        const endorsement = await endorseSteel(person, supplier);
        expect(endorsement.verified).toBe(false);
        expect(await verifiedAs(outsider, supplier.id, endorsement.id)).toBe(false);
      }
    });

    it('counts only CONFIRMED trades in which the endorser’s organization bought from this supplier, judged when read', async () => {
      const { supplierAdmin, supplier, buyerAdmin, buyer, outsider } = await tradingPair();
      const pendingTrade = await newTrade(buyer, supplier, { status: 'PENDING' });
      await newTrade(buyer, supplier, { status: 'REJECTED' });
      // The buyer confirmed a trade with another supplier, and sold to this supplier once.
      const { supplier: otherSupplier } = await newSupplier();
      await newTrade(buyer, otherSupplier);
      await newTrade(supplier, buyer);
      const endorsement = await endorseSteel(buyerAdmin, supplier);
      expect(endorsement.verified).toBe(false);
      for (const viewer of [outsider, buyerAdmin, supplierAdmin]) {
        expect(await verifiedAs(viewer, supplier.id, endorsement.id)).toBe(false);
      }

      await t.neo4j.write(`MATCH (t:Trade {id: $id}) SET t.status = 'CONFIRMED'`, { id: pendingTrade });
      expect(await verifiedAs(outsider, supplier.id, endorsement.id)).toBe(true);
    });

    it('counts a PRIVATE trade only for viewers who are current members of its buyer or supplier', async () => {
      const { supplierAdmin, supplier, buyerAdmin, buyer, outsider } = await tradingPair();
      const buyerMember = await newPerson(t);
      await newEmployment(t, buyerMember, buyer, { approvedBy: buyerAdmin });
      const former = await newPerson(t);
      const employment = await newEmployment(t, former, buyer, { approvedBy: buyerAdmin });
      await t.gql(END_EMPLOYMENT, { employmentId: employment.id }, former.token);
      await newTrade(buyer, supplier, { visibility: 'PRIVATE' });

      const byMember = await endorseSteel(buyerMember, supplier);
      expect(byMember.verified).toBe(true);
      const byFormer = await endorseSteel(former, supplier);
      // The former member is no longer an insider, so the private trade is invisible to them.
      expect(byFormer.verified).toBe(false);

      for (const [who, viewer, expected] of [
        ['an outsider', outsider, false],
        ['the former buyer member', former, false],
        ['the buyer’s admin', buyerAdmin, true],
        ['the buyer member', buyerMember, true],
        ['the supplier’s admin', supplierAdmin, true],
      ] as const) {
        for (const endorsement of [byMember, byFormer]) {
          expect([who, await verifiedAs(viewer, supplier.id, endorsement.id)]).toEqual([who, expected]);
        }
      }
    });

    it('is judged per endorsement when many are listed in one request', async () => {
      const { supplier, buyerAdmin, buyer, outsider } = await tradingPair();
      await newTrade(buyer, supplier);
      const verifiedPeople = [await newPerson(t), await newPerson(t)];
      for (const person of verifiedPeople) await newEmployment(t, person, buyer, { approvedBy: buyerAdmin });
      const unverifiedPeople = [await newPerson(t), await newPerson(t), await newPerson(t)];
      for (const person of [...verifiedPeople, ...unverifiedPeople]) await endorseSteel(person, supplier);

      const page = await endorsementsOf(supplier.id, outsider);
      const byEndorser = Object.fromEntries(page.edges.map((e: any) => [e.node.endorser.id, e.node.verified]));
      expect(byEndorser).toEqual({
        ...Object.fromEntries(verifiedPeople.map((p) => [p.id, true])),
        ...Object.fromEntries(unverifiedPeople.map((p) => [p.id, false])),
      });
    });
  });

  describe('Organization.endorsements', () => {
    it('lists the most recently updated first, and filters by category', async () => {
      const { supplier } = await newSupplier();
      const [a, b, c] = [await newPerson(t), await newPerson(t), await newPerson(t)];
      const aSteel = await endorsed(a, { supplierId: supplier.id, categoryId: STEEL, rating: 3 });
      const bFasteners = await endorsed(b, { supplierId: supplier.id, categoryId: FASTENERS, rating: 4 });
      const cSteel = await endorsed(c, { supplierId: supplier.id, categoryId: STEEL, rating: 5 });
      const ids = async (args: Record<string, unknown> = {}) =>
        (await endorsementsOf(supplier.id, a, args)).edges.map((e: any) => e.node.id);

      expect(await ids()).toEqual([cSteel.id, bFasteners.id, aSteel.id]);
      // Updating moves it to the top.
      await endorsed(a, { supplierId: supplier.id, categoryId: STEEL, rating: 4 });
      expect(await ids()).toEqual([aSteel.id, cSteel.id, bFasteners.id]);

      const steel = await endorsementsOf(supplier.id, a, { categoryId: STEEL });
      expect(steel.totalCount).toBe(2);
      expect(steel.edges.map((e: any) => [e.node.id, e.node.category.id])).toEqual([
        [aSteel.id, STEEL],
        [cSteel.id, STEEL],
      ]);
      expect(await ids({ categoryId: FASTENERS })).toEqual([bFasteners.id]);
      const none = await endorsementsOf(supplier.id, a, { categoryId: 'no-such-category' });
      expect([none.totalCount, none.edges]).toEqual([0, []]);
      // Endorsements of other suppliers never appear.
      const { supplier: other } = await newSupplier();
      expect((await endorsementsOf(other.id, a)).totalCount).toBe(0);
    });

    it('orders endorsements updated at the same instant by id', async () => {
      const { supplier } = await newSupplier();
      const endorsements = [];
      for (let i = 0; i < 4; i++) {
        endorsements.push(
          await endorsed(await newPerson(t), { supplierId: supplier.id, categoryId: STEEL, rating: 3 }),
        );
      }
      await t.neo4j.write(
        `MATCH (e:Endorsement {supplierId: $supplierId}) SET e.updatedAt = datetime('2025-01-01T00:00:00Z')`,
        { supplierId: supplier.id },
      );
      const page = await endorsementsOf(supplier.id, await newPerson(t));
      expect(page.edges.map((e: any) => e.node.id)).toEqual(endorsements.map((e) => e.id).sort());
    });

    it('pages with first and after', async () => {
      const { supplier } = await newSupplier();
      const viewer = await newPerson(t);
      const created = [];
      for (let i = 0; i < 5; i++) {
        created.push(await endorsed(await newPerson(t), { supplierId: supplier.id, categoryId: STEEL, rating: 4 }));
      }
      const newestFirst = created.map((e) => e.id).reverse();
      const seen: string[] = [];
      const pages: any[] = [];
      let after: string | undefined;
      do {
        const page = await endorsementsOf(supplier.id, viewer, { first: 2, ...(after ? { after } : {}) });
        pages.push(page);
        seen.push(...page.edges.map((e: any) => e.node.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
      } while (after);
      expect(seen).toEqual(newestFirst);
      expect(pages.map((page) => [page.edges.length, page.totalCount])).toEqual([
        [2, 5],
        [2, 5],
        [1, 5],
      ]);
      expect(pages[0].pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      expect(pages[2].pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    });

    it.each([0, 101])('rejects first: %p with BAD_USER_INPUT on "first"', async (first) => {
      const { supplier, admin } = await newSupplier();
      const res: GqlResponse = await t.gql(ENDORSEMENTS, { id: supplier.id, first }, admin.token);
      expect(onlyError(res).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    });

    it('rejects a malformed cursor with BAD_USER_INPUT', async () => {
      const { supplier, admin } = await newSupplier();
      const res = await t.gql(ENDORSEMENTS, { id: supplier.id, after: 'garbage' }, admin.token);
      expect(onlyError(res).extensions.code).toBe('BAD_USER_INPUT');
    });
  });
});
