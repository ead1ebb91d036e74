import { Organization, OrganizationRole } from '#tradegraph/organizations';
import { AmountBand, FeedbackService, Trade, TradeVisibility } from '#tradegraph/trades';
import { newOrganization, newPerson, TestPerson } from './support/factories.js';
import { createTestApp, TestApp } from './support/test-app.js';
import { SCORECARD, SCORECARD_FIELDS, Sides, STEEL, tradeHelpers } from './support/trades-helpers.js';

/** The supplier scorecard on Organization, built from trades, feedback and endorsements. */
describe('trades', () => {
  let t: TestApp;
  let world: Sides;
  const { trades, member, endedMember, newSides } = tradeHelpers(() => t);

  beforeAll(async () => {
    t = await createTestApp();
    world = await newSides();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('Organization.scorecard', () => {
    /**
     * Supplier S, buyers B1, B2, B3. Counted for everyone: T1 and T2 from B1 (feedback 5/4/3 and 3/2/5),
     * T3 from B2, T4 from B3. Counted for insiders only: T5 from B3, PRIVATE, feedback 1/1/1. Never
     * counted: a REJECTED and a PENDING trade, and a trade where S is the buyer.
     */
    let s: Sides;
    let b1Member: TestPerson;
    let b3Member: TestPerson;
    let b3Former: TestPerson;
    let otherSupplier: Organization;

    beforeAll(async () => {
      s = await newSides();
      const b2Admin = await newPerson(t);
      const b2 = await newOrganization(t, b2Admin, { roles: [OrganizationRole.BUYER] });
      const b3Admin = await newPerson(t);
      const b3 = await newOrganization(t, b3Admin, { roles: [OrganizationRole.BUYER] });
      b1Member = s.buyerMember;
      b3Member = await member(b3, b3Admin);
      b3Former = await endedMember(b3, b3Admin);

      const feedback = t.app.get(FeedbackService);
      const trade = async (
        recorder: TestPerson,
        buyerId: string,
        occurredOn: string,
        visibility = TradeVisibility.PUBLIC,
      ) =>
        trades().record(recorder.user, {
          buyerId,
          supplierId: s.supplier.id,
          categoryId: STEEL,
          occurredOn,
          amountBand: AmountBand.UNDER_10K,
          visibility,
        });
      const confirm = async (pending: Promise<Trade>) => trades().confirm(s.supplierMember.user, (await pending).id);
      const scores = (author: TestPerson, tradeId: string, quality: number, delivery: number, communication: number) =>
        feedback.leave(author.user, { tradeId, quality, delivery, communication });

      const t1 = await confirm(trade(b1Member, s.buyer.id, '2024-01-10'));
      const t2 = await confirm(trade(b1Member, s.buyer.id, '2024-03-05'));
      await confirm(trade(b2Admin, b2.id, '2024-02-01'));
      await confirm(trade(b3Admin, b3.id, '2024-04-01'));
      const t5 = await confirm(trade(b3Admin, b3.id, '2024-06-30', TradeVisibility.PRIVATE));
      await scores(b1Member, t1.id, 5, 4, 3);
      await scores(s.buyerAdmin, t2.id, 3, 2, 5);
      await scores(b3Admin, t5.id, 1, 1, 1);
      const rejected = await trade(b2Admin, b2.id, '2024-07-01');
      await trades().reject(s.supplierAdmin.user, rejected.id, 'Not ours');
      await trade(b2Admin, b2.id, '2024-07-02'); // stays PENDING

      // S buys from another supplier: that trade is the other supplier's, not S's.
      const otherAdmin = await newPerson(t);
      otherSupplier = await newOrganization(t, otherAdmin, {
        roles: [OrganizationRole.SUPPLIER],
        categoryIds: [STEEL],
      });
      const bought = await trades().record(s.supplierAdmin.user, {
        buyerId: s.supplier.id,
        supplierId: otherSupplier.id,
        categoryId: STEEL,
        occurredOn: '2024-08-01',
        amountBand: AmountBand.OVER_1M,
        visibility: TradeVisibility.PUBLIC,
      });
      await trades().confirm(otherAdmin.user, bought.id);

      // Endorsements are written by another lib; the scorecard reads them from the graph model.
      await t.neo4j.write(
        `UNWIND $endorsements AS e
         MATCH (endorser:Person {id: e.endorserId}), (o:Organization {id: e.supplierId})
         CREATE (endorser)-[:ENDORSED]->(:Endorsement {id: randomUUID(), endorserId: e.endorserId, supplierId: e.supplierId,
                 categoryId: $category, rating: e.rating, comment: null, createdAt: datetime(), updatedAt: datetime()})-[:OF]->(o)`,
        {
          category: STEEL,
          endorsements: [
            { endorserId: b1Member.id, supplierId: s.supplier.id, rating: 4 },
            { endorserId: b3Member.id, supplierId: s.supplier.id, rating: 5 },
            { endorserId: b3Member.id, supplierId: otherSupplier.id, rating: 1 },
          ],
        },
      );
    });

    const scorecard = async (organizationId: string, viewer: TestPerson) => {
      const res = await t.gql(SCORECARD, { id: organizationId }, viewer.token);
      expect(res.errors).toBeUndefined();
      return res.data!.organization.scorecard;
    };

    const publicView = {
      confirmedTradeCount: 4,
      distinctBuyerCount: 3,
      repeatBuyerShare: 1 / 3,
      averageQuality: 4,
      averageDelivery: 3,
      averageCommunication: 4,
      endorsementCount: 2,
      averageEndorsementRating: 4.5,
      lastTradedOn: '2024-04-01',
    };
    const insiderView = {
      confirmedTradeCount: 5,
      distinctBuyerCount: 3,
      repeatBuyerShare: 2 / 3,
      averageQuality: 3,
      averageDelivery: 7 / 3,
      averageCommunication: 3,
      endorsementCount: 2,
      averageEndorsementRating: 4.5,
      lastTradedOn: '2024-06-30',
    };

    it('counts the CONFIRMED trades everyone can see for outsiders and members of unrelated sides', async () => {
      for (const viewer of [s.outsider, b1Member, b3Former, s.endedSupplierMember, s.pendingSupplierMember]) {
        expect(await scorecard(s.supplier.id, viewer)).toEqual(publicView);
      }
    });

    it('also counts a PRIVATE trade for current members of its buyer and of the supplier', async () => {
      for (const viewer of [b3Member, s.supplierMember, s.supplierAdmin]) {
        expect(await scorecard(s.supplier.id, viewer)).toEqual(insiderView);
      }
    });

    it('is empty, with nulls for the averages, for an organization without trades or endorsements', async () => {
      for (const organizationId of [s.buyer.id, world.buyer.id]) {
        expect(await scorecard(organizationId, s.outsider)).toEqual({
          confirmedTradeCount: 0,
          distinctBuyerCount: 0,
          repeatBuyerShare: null,
          averageQuality: null,
          averageDelivery: null,
          averageCommunication: null,
          endorsementCount: 0,
          averageEndorsementRating: null,
          lastTradedOn: null,
        });
      }
    });

    it('keeps each organization’s scorecard apart when several are asked for in one request', async () => {
      const res = await t.gql(
        `query Several($s: ID!, $other: ID!, $buyer: ID!) {
           s: organization(id: $s) { scorecard { ${SCORECARD_FIELDS} } }
           other: organization(id: $other) { scorecard { ${SCORECARD_FIELDS} } }
           buyer: organization(id: $buyer) { scorecard { confirmedTradeCount endorsementCount } }
         }`,
        { s: s.supplier.id, other: otherSupplier.id, buyer: s.buyer.id },
        s.supplierMember.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({
        s: { scorecard: insiderView },
        other: {
          scorecard: {
            confirmedTradeCount: 1,
            distinctBuyerCount: 1,
            repeatBuyerShare: 0,
            averageQuality: null,
            averageDelivery: null,
            averageCommunication: null,
            endorsementCount: 1,
            averageEndorsementRating: 1,
            lastTradedOn: '2024-08-01',
          },
        },
        buyer: { scorecard: { confirmedTradeCount: 0, endorsementCount: 0 } },
      });
    });
  });
});
