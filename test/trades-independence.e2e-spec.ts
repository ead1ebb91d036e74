import { randomUUID } from 'node:crypto';
import { EmploymentService } from '#tradegraph/employment';
import { GraphMigrator } from '#tradegraph/graph';
import { OrganizationRole } from '#tradegraph/organizations';
import { AmountBand, TradeVisibility } from '#tradegraph/trades';
import { FeedbackRepository } from '../libs/trades/src/feedback.repository.js';
import { TradesRepository } from '../libs/trades/src/trades.repository.js';
import { newEmployment, newOrganization, newPerson, TestPerson } from './support/factories.js';
import { networkHelpers } from './support/network-helpers.js';
import { shortlistOf } from './support/page-helpers.js';
import { createTestApp, GqlResponse, onlyError, TestApp } from './support/test-app.js';
import { CONFIRM, REJECT, SCORECARD, Sides, STEEL, tradeHelpers } from './support/trades-helpers.js';

/** Trades need two independent parties: who may record, confirm and rate a trade, and what counts. */
describe('trades between two independent parties', () => {
  let t: TestApp;
  let world: Sides;
  /** A current member of both the buyer and the supplier of `world`. */
  let dual: TestPerson;
  const helpers = tradeHelpers(() => t);
  const { member, endedMember, newSides, pendingTrade, confirmedTrade, recordInput, record, leave } = helpers;
  const { tradeCount, stored } = helpers;
  const { connect } = networkHelpers(() => t);

  /** Expects one FORBIDDEN error whose message says why, and no data. */
  const expectForbidden = (res: GqlResponse, message: RegExp) => {
    expect(onlyError(res)).toMatchObject({
      message: expect.stringMatching(message),
      extensions: { code: 'FORBIDDEN' },
    });
    expect(res.data ?? null).toBeNull();
  };
  const confirm = (person: TestPerson, tradeId: string) => t.gql(CONFIRM, { tradeId }, person.token);
  const scorecard = async (organizationId: string, viewer: TestPerson) => {
    const res = await t.gql(SCORECARD, { id: organizationId }, viewer.token);
    expect(res.errors).toBeUndefined();
    return res.data!.organization.scorecard;
  };
  const bothSides = async (s: Sides) => {
    const person = await member(s.buyer, s.buyerAdmin, 'In both');
    await newEmployment(t, person, s.supplier, { approvedBy: s.supplierAdmin });
    return person;
  };

  beforeAll(async () => {
    t = await createTestApp();
    world = await newSides();
    dual = await bothSides(world);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('refusals', () => {
    it('refuses recordTrade by a current member of the supplier who is also a member of the buyer', async () => {
      const before = await tradeCount();
      expectForbidden(await record(dual, recordInput(world)), /member of the supplier too.*two independent parties/);
      expect(await tradeCount()).toBe(before);
    });

    it('refuses confirmTrade by the person who recorded it, and by anyone while the recorder is in the supplier', async () => {
      const recorder = await member(world.buyer, world.buyerAdmin, 'Recorder');
      const res = await record(recorder, recordInput(world));
      expect(res.errors).toBeUndefined();
      const tradeId = res.data!.recordTrade.id;
      // The recorder leaves the buyer and joins the supplier: now only on the supplier's side.
      const [employment] = await t.neo4j.read<{ id: string }>(
        'MATCH (:Person {id: $personId})-[w:WORKS_AT]->(:Organization {id: $buyerId}) RETURN w.id AS id',
        { personId: recorder.id, buyerId: world.buyer.id },
      );
      await t.app.get(EmploymentService).end(recorder.user, employment.id, '2024-06-01');
      await newEmployment(t, recorder, world.supplier, { approvedBy: world.supplierAdmin });

      expectForbidden(await confirm(recorder, tradeId), /You recorded this trade/);
      expectForbidden(await confirm(world.supplierMember, tradeId), /recorded this trade is now a current member/);
      expect(await stored(tradeId)).toMatchObject({ status: 'PENDING', confirmers: [] });
      // Rejecting it stays possible: a rejected trade counts nowhere.
      const rejected = await t.gql(REJECT, { tradeId, reason: 'Not independent' }, world.supplierMember.token);
      expect(rejected.errors).toBeUndefined();
      expect(rejected.data!.rejectTrade.status).toBe('REJECTED');
    });

    it('refuses confirmTrade by a member of the supplier who is also a current member of the buyer', async () => {
      const trade = await pendingTrade(world);
      expectForbidden(await confirm(dual, trade.id), /member of the buyer too/);
      expect(await stored(trade.id)).toMatchObject({ status: 'PENDING', confirmers: [] });
      // A member of the supplier only may.
      const res = await confirm(world.supplierMember, trade.id);
      expect(res.errors).toBeUndefined();
      expect(res.data!.confirmTrade).toMatchObject({
        status: 'CONFIRMED',
        confirmedBy: { id: world.supplierMember.id },
      });
    });

    it('refuses leaveFeedback by someone in both organizations, and stores nothing', async () => {
      const trade = await confirmedTrade(world);
      expectForbidden(await leave(dual, trade.id), /member of the supplier too/);
      const [row] = await t.neo4j.read<{ n: number }>('MATCH (f:Feedback {tradeId: $tradeId}) RETURN count(f) AS n', {
        tradeId: trade.id,
      });
      expect(row.n).toBe(0);
      expect((await leave(world.buyerMember, trade.id)).errors).toBeUndefined();
    });

    it('checks the rules inside the writes themselves, so a check that raced cannot slip through', async () => {
      const repository = t.app.get(TradesRepository);
      const created = await repository.create({
        id: randomUUID(),
        buyerId: world.buyer.id,
        supplierId: world.supplier.id,
        categoryId: STEEL,
        occurredOn: '2024-05-01',
        amountBand: AmountBand.UNDER_10K,
        visibility: TradeVisibility.PUBLIC,
        recordedById: dual.id,
      });
      expect(created).toBeNull();

      const pending = await pendingTrade(world);
      expect(await repository.confirm(pending.id, world.buyerMember.id)).toBeNull(); // the recorder
      expect(await repository.confirm(pending.id, dual.id)).toBeNull(); // a member of the buyer
      expect(await stored(pending.id)).toMatchObject({ status: 'PENDING', confirmers: [] });

      const confirmed = await confirmedTrade(world);
      const feedback = await t.app.get(FeedbackRepository).upsert({
        id: randomUUID(),
        tradeId: confirmed.id,
        authorId: dual.id,
        quality: 5,
        delivery: 5,
        communication: 5,
        comment: null,
      });
      expect(feedback).toBeNull();
    });
  });

  it('ends the fabricate-trust attempt with no effect on scorecards, verification or shortlists', async () => {
    // One person creates a buyer and a supplier, and brings a colleague into the buyer.
    const faker = await newPerson(t, { name: 'Faker' });
    const buyer = await newOrganization(t, faker, { roles: [OrganizationRole.BUYER] });
    const supplier = await newOrganization(t, faker, { roles: [OrganizationRole.SUPPLIER], categoryIds: [STEEL] });
    const colleague = await member(buyer, faker, 'Colleague');
    const input = { buyerId: buyer.id, supplierId: supplier.id, categoryId: STEEL, occurredOn: '2024-05-01' };

    const before = await tradeCount();
    expectForbidden(await record(faker, { ...input, amountBand: 'OVER_1M' }), /member of the supplier too/);
    expect(await tradeCount()).toBe(before);
    // The colleague may record it, but nobody independent of the buyer is there to confirm it.
    const recorded = await record(colleague, { ...input, amountBand: 'OVER_1M' });
    expect(recorded.errors).toBeUndefined();
    const tradeId = recorded.data!.recordTrade.id;
    expectForbidden(await confirm(faker, tradeId), /member of the buyer too/);
    expectForbidden(await confirm(colleague, tradeId), /Only a current member of the supplier/);
    expectForbidden(await leave(faker, tradeId), /member of the supplier too/);
    expect(await stored(tradeId)).toMatchObject({ status: 'PENDING', confirmers: [] });

    const endorsed = await t.gql(
      `mutation($s: ID!) { endorseSupplier(input: { supplierId: $s, categoryId: "${STEEL}", rating: 5 }) { verified } }`,
      { s: supplier.id },
      colleague.token,
    );
    expect(endorsed.errors).toBeUndefined();
    expect(endorsed.data!.endorseSupplier.verified).toBe(false);

    const observer = await newPerson(t, { name: 'Observer' });
    await connect(observer, colleague);
    for (const viewer of [observer, world.outsider, faker]) {
      expect(await scorecard(supplier.id, viewer)).toMatchObject({
        confirmedTradeCount: 0,
        distinctBuyerCount: 0,
        averageQuality: null,
        lastTradedOn: null,
      });
    }
    const res = await t.gql(
      `query($s: ID!, $c: ID!) {
         networkTradersWith(supplierId: $s, maxDegree: 3) { totalCount }
         supplierShortlist(categoryId: $c, maxDegree: 3) {
           edges { node { supplier { id } evidence { edges { node { kind endorsement { verified } } } } } }
         }
       }`,
      { s: supplier.id, c: STEEL },
      observer.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.networkTradersWith.totalCount).toBe(0);
    const listed = shortlistOf(res.data!.supplierShortlist).find((r: any) => r.supplier.id === supplier.id);
    expect(listed.evidence).toEqual([{ kind: 'ENDORSEMENT', endorsement: { verified: false } }]);
  });

  describe('graph migration 6', () => {
    /** A CONFIRMED trade written straight into the graph, as older versions allowed. */
    const writeConfirmed = async (s: Sides, recorderId: string, confirmerId: string) => {
      const [row] = await t.neo4j.write<{ id: string }>(
        `MATCH (b:Organization {id: $buyerId}), (s:Organization {id: $supplierId}), (c:Category {id: $categoryId}),
               (recorder:Person {id: $recorderId}), (confirmer:Person {id: $confirmerId})
         CREATE (t:Trade {id: randomUUID(), occurredOn: date('2024-02-01'), amountBand: 'UNDER_10K', visibility: 'PUBLIC',
                          status: 'CONFIRMED', createdAt: datetime(), confirmedAt: datetime()}),
                (t)-[:BUYER]->(b), (t)-[:SUPPLIER]->(s), (t)-[:IN_CATEGORY]->(c),
                (recorder)-[:RECORDED]->(t), (confirmer)-[:CONFIRMED {at: datetime()}]->(t)
         RETURN t.id AS id`,
        { buyerId: s.buyer.id, supplierId: s.supplier.id, categoryId: STEEL, recorderId, confirmerId },
      );
      return row.id;
    };
    const state = async (tradeId: string) =>
      (
        await t.neo4j.read<{ status: string; confirmers: number; confirmedAt: unknown; demoted: boolean }>(
          `MATCH (t:Trade {id: $tradeId})
           RETURN t.status AS status, COUNT { (:Person)-[:CONFIRMED]->(t) } AS confirmers,
                  t.confirmedAt AS confirmedAt, t.demotedAt IS NOT NULL AS demoted`,
          { tradeId },
        )
      )[0];

    it('demotes the CONFIRMED trades of dependent parties to PENDING and leaves independent ones alone', async () => {
      const s = await newSides();
      const inBoth = await bothSides(s);
      const exBuyer = await endedMember(s.buyer, s.buyerAdmin);
      await newEmployment(t, exBuyer, s.supplier, { approvedBy: s.supplierAdmin });
      await t.neo4j.write("MERGE (:Person {id: 'former-member', name: 'Former member', createdAt: datetime()})");

      const selfConfirmed = await writeConfirmed(s, inBoth.id, inBoth.id);
      const confirmedByBuyerMember = await writeConfirmed(s, s.buyerMember.id, inBoth.id);
      const confirmedByFormerBuyerMember = await writeConfirmed(s, s.buyerMember.id, exBuyer.id);
      const recordedBySupplierMember = await writeConfirmed(s, inBoth.id, s.supplierMember.id);
      const demoted = [selfConfirmed, confirmedByBuyerMember, confirmedByFormerBuyerMember, recordedBySupplierMember];
      const bothDeleted = await writeConfirmed(s, 'former-member', 'former-member');
      const independent = await confirmedTrade(s);
      await leave(s.buyerMember, independent.id);
      expect((await scorecard(s.supplier.id, s.outsider)).confirmedTradeCount).toBe(6);

      await t.neo4j.write('MATCH (m:GraphMigration {version: 6}) DELETE m');
      expect(await t.app.get(GraphMigrator).migrate()).toEqual([6]);

      for (const tradeId of demoted) {
        expect([tradeId, await state(tradeId)]).toEqual([
          tradeId,
          { status: 'PENDING', confirmers: 0, confirmedAt: null, demoted: true },
        ]);
      }
      for (const tradeId of [bothDeleted, independent.id]) {
        expect(await state(tradeId)).toMatchObject({ status: 'CONFIRMED', confirmers: 1, demoted: false });
      }
      expect(await scorecard(s.supplier.id, s.outsider)).toMatchObject({ confirmedTradeCount: 2, averageQuality: 4 });
      // A demoted trade waits for an independent confirmation again, and then counts.
      const res = await confirm(s.supplierMember, confirmedByFormerBuyerMember);
      expect(res.errors).toBeUndefined();
      expect(res.data!.confirmTrade).toMatchObject({ status: 'CONFIRMED', confirmedBy: { id: s.supplierMember.id } });
      expect((await scorecard(s.supplier.id, s.outsider)).confirmedTradeCount).toBe(3);
    });
  });
});
