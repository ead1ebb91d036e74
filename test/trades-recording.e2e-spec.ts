import { GraphQLSchemaHost } from '@nestjs/graphql';
import { buildClientSchema, GraphQLObjectType, introspectionFromSchema, printType } from 'graphql';
import { OrganizationRole } from '#tradegraph/organizations';
import { newOrganization } from './support/factories.js';
import { createTestApp, onlyError, TestApp } from './support/test-app.js';
import {
  Actors,
  CONFIRM,
  expectError,
  FASTENERS,
  isoDay,
  RECORD,
  REJECT,
  Sides,
  SOLVENTS,
  tradeHelpers,
} from './support/trades-helpers.js';

/** The trade schema, recording trades, and the supplier confirming or rejecting them. */
describe('trades', () => {
  let t: TestApp;
  let world: Sides;
  const { trades, newSides, pendingTrade, confirmedTrade, recordInput, record, tradeCount, stored } = tradeHelpers(
    () => t,
  );

  beforeAll(async () => {
    t = await createTestApp();
    world = await newSides();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('GraphQL contract', () => {
    it('exposes the trade types, inputs, enums and operations exactly as agreed', () => {
      // Full introspection nests deeper than clients may query, so it runs on the live schema in-process.
      const live = t.app.get(GraphQLSchemaHost).schema;
      const schema = buildClientSchema(introspectionFromSchema(live, { descriptions: false }));
      /** A type's SDL as its header and its sorted member lines, so the order of fields does not matter. */
      const shape = (name: string) => {
        const [header, ...members] = printType(schema.getType(name)!).split('\n');
        return [
          header,
          ...members
            .slice(0, -1)
            .map((line) => line.trim())
            .sort(),
        ];
      };
      const field = (type: 'Query' | 'Mutation', name: string) => {
        const f = (schema.getType(type) as GraphQLObjectType).getFields()[name];
        const args = f.args.map((a) => `${a.name}: ${a.type}`).sort();
        return `${name}(${args.join(', ')}): ${f.type}`;
      };
      expect(field('Query', 'trade')).toBe('trade(id: ID!): Trade');
      expect(field('Mutation', 'recordTrade')).toBe('recordTrade(input: RecordTradeInput!): Trade!');
      expect(field('Mutation', 'confirmTrade')).toBe('confirmTrade(tradeId: ID!): Trade!');
      expect(field('Mutation', 'rejectTrade')).toBe('rejectTrade(reason: String, tradeId: ID!): Trade!');
      expect(field('Mutation', 'leaveFeedback')).toBe('leaveFeedback(input: LeaveFeedbackInput!): Feedback!');
      expect(shape('Organization')).toContain('scorecard: SupplierScorecard!');
      const expected: Record<string, string[]> = {
        AmountBand: ['enum AmountBand {', 'FROM_100K_TO_1M', 'FROM_10K_TO_100K', 'OVER_1M', 'UNDER_10K'],
        TradeVisibility: ['enum TradeVisibility {', 'PRIVATE', 'PUBLIC'],
        TradeStatus: ['enum TradeStatus {', 'CONFIRMED', 'PENDING', 'REJECTED'],
        RecordTradeInput: [
          'input RecordTradeInput {',
          'amountBand: AmountBand!',
          'buyerId: ID!',
          'categoryId: ID!',
          'occurredOn: Date!',
          'supplierId: ID!',
          'visibility: TradeVisibility = PUBLIC',
        ],
        Trade: [
          'type Trade {',
          'amountBand: AmountBand!',
          'buyer: Organization!',
          'category: Category!',
          'confirmedBy: Person',
          'feedback: Feedback',
          'id: ID!',
          'occurredOn: Date!',
          'recordedBy: Person',
          'status: TradeStatus!',
          'supplier: Organization!',
          'visibility: TradeVisibility!',
        ],
        LeaveFeedbackInput: [
          'input LeaveFeedbackInput {',
          'comment: String',
          'communication: Int!',
          'delivery: Int!',
          'quality: Int!',
          'tradeId: ID!',
        ],
        Feedback: [
          'type Feedback {',
          'author: Person',
          'average: Float!',
          'comment: String',
          'communication: Int!',
          'createdAt: DateTime!',
          'delivery: Int!',
          'id: ID!',
          'quality: Int!',
          'trade: Trade!',
        ],
        SupplierScorecard: [
          'type SupplierScorecard {',
          'averageCommunication: Float',
          'averageDelivery: Float',
          'averageEndorsementRating: Float',
          'averageQuality: Float',
          'confirmedTradeCount: Int!',
          'distinctBuyerCount: Int!',
          'domainVerified: Boolean!',
          'endorsementCount: Int!',
          'lastTradedOn: Date',
          'repeatBuyerShare: Float',
          'verifiedBuyerTradeCount: Int!',
        ],
      };
      for (const [name, sdl] of Object.entries(expected)) expect(shape(name)).toEqual(sdl);
    });
  });

  describe('recordTrade', () => {
    it('lets a current member of the buyer record a PENDING, PUBLIC trade and stores it in the graph', async () => {
      const res = await record(world.buyerMember, recordInput(world, { categoryId: FASTENERS }));
      expect(res.errors).toBeUndefined();
      const trade = res.data!.recordTrade;
      expect(trade).toEqual({
        id: expect.any(String),
        occurredOn: '2024-05-01',
        amountBand: 'FROM_10K_TO_100K',
        visibility: 'PUBLIC',
        status: 'PENDING',
        buyer: { id: world.buyer.id },
        supplier: { id: world.supplier.id },
        category: { id: FASTENERS, name: 'Fasteners' },
        recordedBy: { id: world.buyerMember.id },
        confirmedBy: null,
        feedback: null,
      });
      const [row] = await t.neo4j.read(
        `MATCH (recorder:Person)-[:RECORDED]->(t:Trade {id: $id}),
               (t)-[:BUYER]->(b:Organization), (t)-[:SUPPLIER]->(s:Organization), (t)-[:IN_CATEGORY]->(c:Category)
         RETURN recorder.id AS recorder, b.id AS buyer, s.id AS supplier, c.id AS category,
                t.occurredOn = date('2024-05-01') AS storedAsDate, t.createdAt IS NOT NULL AS hasCreatedAt,
                t.status AS status, t.visibility AS visibility, t.amountBand AS amountBand`,
        { id: trade.id },
      );
      expect(row).toEqual({
        recorder: world.buyerMember.id,
        buyer: world.buyer.id,
        supplier: world.supplier.id,
        category: FASTENERS,
        storedAsDate: true,
        hasCreatedAt: true,
        status: 'PENDING',
        visibility: 'PUBLIC',
        amountBand: 'FROM_10K_TO_100K',
      });
    });

    it('lets the buyer’s admin record a PRIVATE trade dated today, in every amount band', async () => {
      for (const amountBand of ['UNDER_10K', 'FROM_10K_TO_100K', 'FROM_100K_TO_1M', 'OVER_1M']) {
        const res = await record(
          world.buyerAdmin,
          recordInput(world, { occurredOn: isoDay(0), visibility: 'PRIVATE', amountBand }),
        );
        expect(res.errors).toBeUndefined();
        expect(res.data!.recordTrade).toMatchObject({
          occurredOn: isoDay(0),
          visibility: 'PRIVATE',
          amountBand,
          status: 'PENDING',
          recordedBy: { id: world.buyerAdmin.id },
        });
      }
    });

    it('forbids everyone but current members of the buyer, and stores nothing', async () => {
      const wrongActors: Actors = [
        ['a person with no tie to either side', world.outsider],
        ['a current member of the supplier', world.supplierMember],
        ['the supplier’s admin', world.supplierAdmin],
        ['a former (ENDED) member of the buyer', world.endedBuyerMember],
        ['a PENDING member of the buyer', world.pendingBuyerMember],
      ];
      const before = await tradeCount();
      for (const [who, actor] of wrongActors) {
        expectError(who, await record(actor, recordInput(world)), { code: 'FORBIDDEN' });
      }
      expect(await tradeCount()).toBe(before);
    });

    it.each([
      ['the buyer as its own supplier', (s: Sides) => ({ supplierId: s.buyer.id }), 'input.supplierId'],
      ['an unknown buyer', () => ({ buyerId: 'no-such-organization' }), 'input.buyerId'],
      ['an unknown supplier', () => ({ supplierId: 'no-such-organization' }), 'input.supplierId'],
      ['an unknown category', () => ({ categoryId: 'no-such-category' }), 'input.categoryId'],
      ['a category the supplier does not supply', () => ({ categoryId: SOLVENTS }), 'input.categoryId'],
      ['a date tomorrow', () => ({ occurredOn: isoDay(1) }), 'input.occurredOn'],
      ['a date far in the future', () => ({ occurredOn: '2999-01-01' }), 'input.occurredOn'],
      ['an over-long buyer id', () => ({ buyerId: 'x'.repeat(101) }), 'input.buyerId'],
    ])('rejects %s with BAD_USER_INPUT on the field, and stores nothing', async (_what, overrides, field) => {
      const before = await tradeCount();
      const res = await record(world.buyerMember, recordInput(world, overrides(world)));
      expect(onlyError(res).extensions).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(res.data ?? null).toBeNull();
      expect(await tradeCount()).toBe(before);
    });

    it('rejects a supplier without the SUPPLIER role with BAD_USER_INPUT on "input.supplierId"', async () => {
      const otherBuyer = await newOrganization(t, world.buyerAdmin, { roles: [OrganizationRole.BUYER] });
      const before = await tradeCount();
      const res = await record(world.buyerAdmin, recordInput(world, { supplierId: otherBuyer.id }));
      expect(onlyError(res).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.supplierId' });
      expect(await tradeCount()).toBe(before);
    });

    it.each([
      ['a malformed date', { occurredOn: '2024-02-30' }],
      ['an unknown amount band', { amountBand: 'HUGE' }],
      ['an unknown visibility', { visibility: 'SECRET' }],
      ['a missing category', { categoryId: undefined }],
    ])('rejects %s with BAD_USER_INPUT and stores nothing', async (_what, overrides) => {
      const before = await tradeCount();
      const res = await record(world.buyerMember, recordInput(world, overrides));
      expect(onlyError(res).extensions.code).toBe('BAD_USER_INPUT');
      expect(await tradeCount()).toBe(before);
    });

    it('requires a signed-in caller', async () => {
      const before = await tradeCount();
      const res = await t.gql(RECORD, { input: recordInput(world) });
      expect(onlyError(res).extensions.code).toBe('UNAUTHENTICATED');
      expect(await tradeCount()).toBe(before);
    });
  });

  describe('confirmTrade and rejectTrade', () => {
    it('lets a current member of the supplier confirm a PENDING trade', async () => {
      const trade = await pendingTrade(world);
      const res = await t.gql(CONFIRM, { tradeId: trade.id }, world.supplierMember.token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.confirmTrade).toMatchObject({
        id: trade.id,
        status: 'CONFIRMED',
        recordedBy: { id: world.buyerMember.id },
        confirmedBy: { id: world.supplierMember.id },
      });
      expect(await stored(trade.id)).toEqual({
        status: 'CONFIRMED',
        rejectionReason: null,
        confirmers: [world.supplierMember.id],
        rejecters: [],
      });
    });

    it('lets a current member of the supplier reject a PENDING trade, keeping the trimmed reason', async () => {
      const trade = await pendingTrade(world);
      const res = await t.gql(
        REJECT,
        { tradeId: trade.id, reason: '  We never sold them steel. ' },
        world.supplierAdmin.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.rejectTrade).toMatchObject({ id: trade.id, status: 'REJECTED', confirmedBy: null });
      expect(await stored(trade.id)).toEqual({
        status: 'REJECTED',
        rejectionReason: 'We never sold them steel.',
        confirmers: [],
        rejecters: [world.supplierAdmin.id],
      });
    });

    it('accepts a rejection without a reason, a blank one, and one of exactly 1000 characters', async () => {
      for (const reason of [undefined, null, '   ', 'r'.repeat(1000)]) {
        const trade = await pendingTrade(world);
        const res = await t.gql(REJECT, { tradeId: trade.id, reason }, world.supplierMember.token);
        expect(res.errors).toBeUndefined();
        expect(res.data!.rejectTrade.status).toBe('REJECTED');
        expect((await stored(trade.id)).rejectionReason).toBe(reason && reason.trim() ? reason : null);
      }
    });

    it('rejects a reason over 1000 characters with BAD_USER_INPUT on "reason" and changes nothing', async () => {
      const trade = await pendingTrade(world);
      const res = await t.gql(REJECT, { tradeId: trade.id, reason: 'r'.repeat(1001) }, world.supplierMember.token);
      expect(onlyError(res).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });
      expect(await stored(trade.id)).toMatchObject({ status: 'PENDING', rejecters: [] });
    });

    it('forbids everyone but current members of the supplier, the recorder included, and changes nothing', async () => {
      const trade = await pendingTrade(world);
      const wrongActors: Actors = [
        ['a person with no tie to either side', world.outsider],
        ['the member of the buyer who recorded it', world.buyerMember],
        ['the buyer’s admin', world.buyerAdmin],
        ['a former (ENDED) member of the supplier', world.endedSupplierMember],
        ['a PENDING member of the supplier', world.pendingSupplierMember],
      ];
      for (const [who, actor] of wrongActors) {
        expectError(`${who} confirming`, await t.gql(CONFIRM, { tradeId: trade.id }, actor.token), {
          code: 'FORBIDDEN',
        });
        expectError(`${who} rejecting`, await t.gql(REJECT, { tradeId: trade.id, reason: 'no' }, actor.token), {
          code: 'FORBIDDEN',
        });
      }
      expect(await stored(trade.id)).toEqual({
        status: 'PENDING',
        rejectionReason: null,
        confirmers: [],
        rejecters: [],
      });
    });

    it('answers CONFLICT on "tradeId" once the trade is no longer PENDING, and changes nothing', async () => {
      const confirmed = await confirmedTrade(world);
      for (const res of [
        await t.gql(CONFIRM, { tradeId: confirmed.id }, world.supplierAdmin.token),
        await t.gql(REJECT, { tradeId: confirmed.id }, world.supplierAdmin.token),
      ]) {
        expect(onlyError(res).extensions).toEqual({ code: 'CONFLICT', field: 'tradeId' });
      }
      expect(await stored(confirmed.id)).toMatchObject({ status: 'CONFIRMED', confirmers: [world.supplierMember.id] });

      const rejected = await trades().reject(world.supplierMember.user, (await pendingTrade(world)).id, 'No');
      for (const res of [
        await t.gql(CONFIRM, { tradeId: rejected.id }, world.supplierAdmin.token),
        await t.gql(REJECT, { tradeId: rejected.id, reason: 'Again' }, world.supplierAdmin.token),
      ]) {
        expect(onlyError(res).extensions).toEqual({ code: 'CONFLICT', field: 'tradeId' });
      }
      expect(await stored(rejected.id)).toEqual({
        status: 'REJECTED',
        rejectionReason: 'No',
        confirmers: [],
        rejecters: [world.supplierMember.id],
      });
    });

    it('answers NOT_FOUND on "tradeId" for an unknown trade', async () => {
      expectError('confirming', await t.gql(CONFIRM, { tradeId: 'no-such-trade' }, world.supplierAdmin.token), {
        code: 'NOT_FOUND',
        field: 'tradeId',
      });
      expectError('rejecting', await t.gql(REJECT, { tradeId: 'no-such-trade' }, world.supplierAdmin.token), {
        code: 'NOT_FOUND',
        field: 'tradeId',
      });
    });

    it('lets exactly one of 20 concurrent confirmations succeed; the others get CONFLICT', async () => {
      const trade = await pendingTrade(world);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t.gql(CONFIRM, { tradeId: trade.id }, (i % 2 ? world.supplierAdmin : world.supplierMember).token),
        ),
      );
      const succeeded = results.filter((res) => !res.errors);
      expect(succeeded).toHaveLength(1);
      expect(succeeded[0].data!.confirmTrade.status).toBe('CONFIRMED');
      const failures = results.filter((res) => res.errors).map((res) => onlyError(res).extensions);
      expect(failures).toEqual(Array(19).fill({ code: 'CONFLICT', field: 'tradeId' }));
      const state = await stored(trade.id);
      expect(state.status).toBe('CONFIRMED');
      expect(state.confirmers).toEqual([succeeded[0].data!.confirmTrade.confirmedBy.id]);
    });

    it('lets only one of concurrent confirmations and rejections decide the trade', async () => {
      const trade = await pendingTrade(world);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          i % 2
            ? t.gql(CONFIRM, { tradeId: trade.id }, world.supplierAdmin.token)
            : t.gql(REJECT, { tradeId: trade.id, reason: `reason ${i}` }, world.supplierMember.token),
        ),
      );
      expect(results.filter((res) => !res.errors)).toHaveLength(1);
      const state = await stored(trade.id);
      expect(state.confirmers.length + state.rejecters.length).toBe(1);
      expect(state.status).toBe(state.confirmers.length ? 'CONFIRMED' : 'REJECTED');
    });

    it('requires a signed-in caller', async () => {
      const trade = await pendingTrade(world);
      expect(onlyError(await t.gql(CONFIRM, { tradeId: trade.id })).extensions.code).toBe('UNAUTHENTICATED');
      expect(onlyError(await t.gql(REJECT, { tradeId: trade.id })).extensions.code).toBe('UNAUTHENTICATED');
      expect((await stored(trade.id)).status).toBe('PENDING');
    });
  });
});
