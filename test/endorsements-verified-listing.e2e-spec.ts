import { Organization } from '#tradegraph/organizations';
import { newEmployment, newOrganization, newPerson, TestPerson } from './support/factories.js';
import { createTestApp, GqlResponse, onlyError, TestApp } from './support/test-app.js';
import { END_EMPLOYMENT, ENDORSEMENTS, endorsementHelpers, FASTENERS, STEEL } from './support/endorsements-helpers.js';

/** Whether an endorsement is verified by a trade, and Organization.endorsements: order, filter, pages. */
describe('endorsements', () => {
  let t: TestApp;
  const { endorsed, newSupplier, endorsementsOf, newTrade } = endorsementHelpers(() => t);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
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
