import { FeedbackService, TradeVisibility } from '#tradegraph/trades';
import { TestPerson } from './support/factories.js';
import { createTestApp, GqlResponse, onlyError, TestApp } from './support/test-app.js';
import {
  Actors,
  CONFIRM,
  expectError,
  FASTENERS,
  LEAVE,
  REJECT,
  Sides,
  STEEL,
  TRADE,
  tradeHelpers,
} from './support/trades-helpers.js';

/** Who may see a trade (PRIVATE ones above all), and the buyer's feedback on CONFIRMED trades. */
describe('trades', () => {
  let t: TestApp;
  let world: Sides;
  const { trades, newSides, pendingTrade, confirmedTrade, leave, stored, storedFeedback } = tradeHelpers(() => t);

  beforeAll(async () => {
    t = await createTestApp();
    world = await newSides();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('trade(id) and PRIVATE trades', () => {
    it('shows a PUBLIC trade to everyone, the former members and outsiders included', async () => {
      const trade = await pendingTrade(world);
      for (const viewer of [world.outsider, world.endedBuyerMember, world.pendingSupplierMember, world.buyerMember]) {
        const res = await t.gql(TRADE, { id: trade.id }, viewer.token);
        expect(res.errors).toBeUndefined();
        expect(res.data!.trade).toMatchObject({ id: trade.id, visibility: 'PUBLIC', status: 'PENDING' });
      }
    });

    it('shows a PRIVATE trade only to current members of its buyer and supplier; it is null for everyone else', async () => {
      const trade = await confirmedTrade(world, { visibility: TradeVisibility.PRIVATE });
      await t.app.get(FeedbackService).leave(world.buyerMember.user, {
        tradeId: trade.id,
        quality: 5,
        delivery: 5,
        communication: 4,
        comment: 'Great',
      });
      const insiders: Actors = [
        ['a member of the buyer', world.buyerMember],
        ['the buyer’s admin', world.buyerAdmin],
        ['a member of the supplier', world.supplierMember],
        ['the supplier’s admin', world.supplierAdmin],
      ];
      for (const [who, viewer] of insiders) {
        const res = await t.gql(TRADE, { id: trade.id }, viewer.token);
        expect([who, res.errors]).toEqual([who, undefined]);
        expect([who, res.data!.trade]).toEqual([
          who,
          expect.objectContaining({
            id: trade.id,
            visibility: 'PRIVATE',
            status: 'CONFIRMED',
            confirmedBy: { id: world.supplierMember.id },
            feedback: expect.objectContaining({ quality: 5, comment: 'Great' }),
          }),
        ]);
      }
      const outsiders: Actors = [
        ['a person with no tie to either side', world.outsider],
        ['a former (ENDED) member of the buyer', world.endedBuyerMember],
        ['a PENDING member of the buyer', world.pendingBuyerMember],
        ['a former (ENDED) member of the supplier', world.endedSupplierMember],
        ['a PENDING member of the supplier', world.pendingSupplierMember],
      ];
      for (const [who, viewer] of outsiders) {
        const res = await t.gql(TRADE, { id: trade.id }, viewer.token);
        expect([who, res.errors, res.data]).toEqual([who, undefined, { trade: null }]);
      }
    });

    it('answers null for an unknown id', async () => {
      const res = await t.gql(TRADE, { id: 'no-such-trade' }, world.outsider.token);
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ trade: null });
    });

    it('answers an outsider’s confirm, reject and feedback on a PRIVATE trade exactly as for an unknown id', async () => {
      const pending = await pendingTrade(world, { visibility: TradeVisibility.PRIVATE });
      const confirmed = await confirmedTrade(world, { visibility: TradeVisibility.PRIVATE });
      const attempts = (tradeIds: { pending: string; confirmed: string }, actor: TestPerson) =>
        Promise.all([
          t.gql(CONFIRM, { tradeId: tradeIds.pending }, actor.token),
          t.gql(REJECT, { tradeId: tradeIds.pending, reason: 'no' }, actor.token),
          leave(actor, tradeIds.confirmed),
        ]);
      const unknown = await attempts({ pending: 'no-such-trade', confirmed: 'no-such-trade' }, world.outsider);
      const shape = (res: GqlResponse, id: string) => ({
        data: res.data ?? null,
        message: onlyError(res).message.replace(id, '<id>'),
        extensions: onlyError(res).extensions,
      });
      const expected = unknown.map((res) => shape(res, 'no-such-trade'));
      expect(expected.map((e) => e.extensions)).toEqual([
        { code: 'NOT_FOUND', field: 'tradeId' },
        { code: 'NOT_FOUND', field: 'tradeId' },
        { code: 'NOT_FOUND', field: 'input.tradeId' },
      ]);
      for (const actor of [
        world.outsider,
        world.endedSupplierMember,
        world.pendingSupplierMember,
        world.endedBuyerMember,
      ]) {
        const results = await attempts({ pending: pending.id, confirmed: confirmed.id }, actor);
        expect([shape(results[0], pending.id), shape(results[1], pending.id), shape(results[2], confirmed.id)]).toEqual(
          expected,
        );
      }
      expect(await stored(pending.id)).toMatchObject({ status: 'PENDING', confirmers: [], rejecters: [] });
      expect(await storedFeedback(confirmed.id)).toEqual([]);
    });

    it('answers FORBIDDEN (not NOT_FOUND) to insiders on the wrong side of a PRIVATE trade', async () => {
      const pending = await pendingTrade(world, { visibility: TradeVisibility.PRIVATE });
      expectError('buyer confirming', await t.gql(CONFIRM, { tradeId: pending.id }, world.buyerMember.token), {
        code: 'FORBIDDEN',
      });
      const confirmed = await confirmedTrade(world, { visibility: TradeVisibility.PRIVATE });
      expectError('supplier leaving feedback', await leave(world.supplierMember, confirmed.id), {
        code: 'FORBIDDEN',
      });
    });

    it('keeps the related nodes of several trades asked for in one request apart', async () => {
      const first = await confirmedTrade(world);
      const second = await pendingTrade(world, { categoryId: FASTENERS });
      const res = await t.gql(
        `query Both($a: ID!, $b: ID!) {
           a: trade(id: $a) { id category { id } confirmedBy { id } buyer { id } }
           b: trade(id: $b) { id category { id } confirmedBy { id } buyer { id } }
         }`,
        { a: first.id, b: second.id },
        world.outsider.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({
        a: {
          id: first.id,
          category: { id: STEEL },
          confirmedBy: { id: world.supplierMember.id },
          buyer: { id: world.buyer.id },
        },
        b: { id: second.id, category: { id: FASTENERS }, confirmedBy: null, buyer: { id: world.buyer.id } },
      });
    });
  });

  describe('leaveFeedback', () => {
    it('lets a current member of the buyer leave feedback on a CONFIRMED trade', async () => {
      const trade = await confirmedTrade(world);
      const res = await leave(world.buyerMember, trade.id, {
        quality: 5,
        delivery: 4,
        communication: 4,
        comment: ' On time. ',
      });
      expect(res.errors).toBeUndefined();
      const feedback = res.data!.leaveFeedback;
      expect(feedback).toEqual({
        id: expect.any(String),
        quality: 5,
        delivery: 4,
        communication: 4,
        average: 13 / 3,
        comment: 'On time.',
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        author: { id: world.buyerMember.id },
        trade: { id: trade.id, status: 'CONFIRMED' },
      });
      const viaTrade = await t.gql(TRADE, { id: trade.id }, world.outsider.token);
      expect(viaTrade.data!.trade.feedback).toEqual({
        id: feedback.id,
        quality: 5,
        delivery: 4,
        communication: 4,
        average: 13 / 3,
        comment: 'On time.',
        author: { id: world.buyerMember.id },
      });
      expect(await storedFeedback(trade.id)).toEqual([
        expect.objectContaining({ id: feedback.id, about: [trade.id], authors: [world.buyerMember.id] }),
      ]);
    });

    it('replaces the feedback when left again: same id and createdAt, new scores, comment and author', async () => {
      const trade = await confirmedTrade(world);
      const first = (
        await leave(world.buyerMember, trade.id, { quality: 2, delivery: 2, communication: 2, comment: 'Late' })
      ).data!.leaveFeedback;
      const again = await leave(world.buyerAdmin, trade.id, { quality: 5, delivery: 5, communication: 2 });
      expect(again.errors).toBeUndefined();
      expect(again.data!.leaveFeedback).toEqual({
        ...first,
        quality: 5,
        delivery: 5,
        communication: 2,
        average: 4,
        comment: null,
        author: { id: world.buyerAdmin.id },
      });
      const rows = await storedFeedback(trade.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ id: first.id, quality: 5, comment: null, authors: [world.buyerAdmin.id] });
      expect(rows[0].createdAt.toISOString()).toBe(first.createdAt);
      expect(rows[0].updatedAt.getTime()).toBeGreaterThanOrEqual(rows[0].createdAt.getTime());
    });

    it('accepts the lowest and highest scores and a comment of exactly 2000 characters', async () => {
      const trade = await confirmedTrade(world);
      const res = await leave(world.buyerMember, trade.id, {
        quality: 1,
        delivery: 5,
        communication: 1,
        comment: 'c'.repeat(2000),
      });
      expect(res.errors).toBeUndefined();
      expect(res.data!.leaveFeedback).toMatchObject({ quality: 1, delivery: 5, communication: 1, average: 7 / 3 });
      expect(res.data!.leaveFeedback.comment).toHaveLength(2000);
    });

    it.each([
      ['quality 0', { quality: 0 }, 'input.quality'],
      ['quality 6', { quality: 6 }, 'input.quality'],
      ['delivery 0', { delivery: 0 }, 'input.delivery'],
      ['delivery -3', { delivery: -3 }, 'input.delivery'],
      ['communication 6', { communication: 6 }, 'input.communication'],
      ['communication 100', { communication: 100 }, 'input.communication'],
      ['a comment of 2001 characters', { comment: 'c'.repeat(2001) }, 'input.comment'],
    ])('rejects %s with BAD_USER_INPUT on %p and stores nothing', async (_what, overrides, field) => {
      const trade = await confirmedTrade(world);
      const res = await leave(world.buyerMember, trade.id, overrides);
      expect(onlyError(res).extensions).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(await storedFeedback(trade.id)).toEqual([]);
    });

    it('rejects a score that is not a whole number with BAD_USER_INPUT and stores nothing', async () => {
      const trade = await confirmedTrade(world);
      const res = await leave(world.buyerMember, trade.id, { quality: 2.5 });
      expect(onlyError(res).extensions.code).toBe('BAD_USER_INPUT');
      expect(await storedFeedback(trade.id)).toEqual([]);
    });

    it('forbids everyone but current members of the buyer, and stores nothing', async () => {
      const trade = await confirmedTrade(world);
      const wrongActors: Actors = [
        ['a person with no tie to either side', world.outsider],
        ['the member of the supplier who confirmed it', world.supplierMember],
        ['the supplier’s admin', world.supplierAdmin],
        ['a former (ENDED) member of the buyer', world.endedBuyerMember],
        ['a PENDING member of the buyer', world.pendingBuyerMember],
      ];
      for (const [who, actor] of wrongActors) {
        expectError(who, await leave(actor, trade.id), { code: 'FORBIDDEN' });
      }
      expect(await storedFeedback(trade.id)).toEqual([]);
    });

    it('answers CONFLICT on "input.tradeId" for a PENDING or REJECTED trade, and stores nothing', async () => {
      const pending = await pendingTrade(world);
      const rejected = await trades().reject(world.supplierMember.user, (await pendingTrade(world)).id, null);
      for (const trade of [pending, rejected]) {
        expectError(trade.status, await leave(world.buyerMember, trade.id), {
          code: 'CONFLICT',
          field: 'input.tradeId',
        });
        expect(await storedFeedback(trade.id)).toEqual([]);
      }
    });

    it('answers NOT_FOUND on "input.tradeId" for an unknown trade', async () => {
      expectError('unknown', await leave(world.buyerMember, 'no-such-trade'), {
        code: 'NOT_FOUND',
        field: 'input.tradeId',
      });
    });

    it('leaves exactly one Feedback node when feedback for one trade is left concurrently', async () => {
      const trade = await confirmedTrade(world);
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          leave(i % 2 ? world.buyerAdmin : world.buyerMember, trade.id, { quality: (i % 5) + 1, comment: `take ${i}` }),
        ),
      );
      expect(results.map((res) => res.errors)).toEqual(Array(12).fill(undefined));
      const ids = new Set(results.map((res) => res.data!.leaveFeedback.id));
      expect(ids.size).toBe(1);
      const rows = await storedFeedback(trade.id);
      expect(rows).toHaveLength(1);
      expect(rows[0].id).toBe([...ids][0]);
      expect(rows[0].about).toEqual([trade.id]);
      expect(rows[0].authors).toHaveLength(1);
      // The stored scores are those of one of the calls, not a mixture.
      const winner = results.find((res) => res.data!.leaveFeedback.comment === rows[0].comment)!;
      expect(rows[0].quality).toBe(winner.data!.leaveFeedback.quality);
      expect(rows[0].authors).toEqual([winner.data!.leaveFeedback.author.id]);
    });

    it('requires a signed-in caller', async () => {
      const trade = await confirmedTrade(world);
      const res = await t.gql(LEAVE, { input: { tradeId: trade.id, quality: 3, delivery: 3, communication: 3 } });
      expect(onlyError(res).extensions.code).toBe('UNAUTHENTICATED');
      expect(await storedFeedback(trade.id)).toEqual([]);
    });
  });
});
