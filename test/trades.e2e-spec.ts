import { GraphQLSchemaHost } from '@nestjs/graphql';
import { buildClientSchema, GraphQLObjectType, introspectionFromSchema, printType } from 'graphql';
import { EmploymentService } from '#tradegraph/employment';
import { Organization, OrganizationRole } from '#tradegraph/organizations';
import { AmountBand, FeedbackService, Trade, TradesService, TradeVisibility } from '#tradegraph/trades';
import { newEmployment, newOrganization, newPerson, TestPerson } from './support/factories.js';
import { createTestApp, GqlResponse, onlyError, TestApp } from './support/test-app.js';

const STEEL = 'metals-steel';
const FASTENERS = 'metals-fasteners';
const SOLVENTS = 'chemicals-solvents';

const TRADE_FIELDS = `id occurredOn amountBand visibility status
  buyer { id } supplier { id } category { id name } recordedBy { id } confirmedBy { id }
  feedback { id quality delivery communication average comment author { id } }`;
const FEEDBACK_FIELDS = `id quality delivery communication average comment createdAt author { id } trade { id status }`;

const RECORD = `mutation Record($input: RecordTradeInput!) { recordTrade(input: $input) { ${TRADE_FIELDS} } }`;
const CONFIRM = `mutation Confirm($tradeId: ID!) { confirmTrade(tradeId: $tradeId) { ${TRADE_FIELDS} } }`;
const REJECT = `mutation Reject($tradeId: ID!, $reason: String) {
  rejectTrade(tradeId: $tradeId, reason: $reason) { ${TRADE_FIELDS} }
}`;
const LEAVE = `mutation Leave($input: LeaveFeedbackInput!) { leaveFeedback(input: $input) { ${FEEDBACK_FIELDS} } }`;
const TRADE = `query Trade($id: ID!) { trade(id: $id) { ${TRADE_FIELDS} } }`;
const SCORECARD_FIELDS = `confirmedTradeCount distinctBuyerCount repeatBuyerShare averageQuality averageDelivery
  averageCommunication endorsementCount averageEndorsementRating lastTradedOn`;
const SCORECARD = `query Scorecard($id: ID!) { organization(id: $id) { scorecard { ${SCORECARD_FIELDS} } } }`;

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** A buyer and a supplier organization with people in every relation to them. */
interface Sides {
  buyer: Organization;
  supplier: Organization;
  buyerAdmin: TestPerson;
  buyerMember: TestPerson;
  supplierAdmin: TestPerson;
  supplierMember: TestPerson;
  outsider: TestPerson;
  endedBuyerMember: TestPerson;
  pendingBuyerMember: TestPerson;
  endedSupplierMember: TestPerson;
  pendingSupplierMember: TestPerson;
}

type Actors = (readonly [string, TestPerson])[];

describe('trades', () => {
  let t: TestApp;
  let world: Sides;

  const trades = () => t.app.get(TradesService);

  /** A current member of `organization`, approved by its admin. */
  async function member(organization: Organization, admin: TestPerson, name?: string): Promise<TestPerson> {
    const person = await newPerson(t, name ? { name } : {});
    await newEmployment(t, person, organization, { approvedBy: admin });
    return person;
  }

  /** A former member of `organization`: approved, then ended. */
  async function endedMember(organization: Organization, admin: TestPerson): Promise<TestPerson> {
    const person = await newPerson(t);
    const employment = await newEmployment(t, person, organization, { approvedBy: admin });
    await t.app.get(EmploymentService).end(person.user, employment.id, '2024-01-01');
    return person;
  }

  /** Someone who asked to join `organization` and was never approved. */
  async function pendingMember(organization: Organization): Promise<TestPerson> {
    const person = await newPerson(t);
    await newEmployment(t, person, organization);
    return person;
  }

  async function newSides(): Promise<Sides> {
    const buyerAdmin = await newPerson(t, { name: 'Buyer admin' });
    const buyer = await newOrganization(t, buyerAdmin, { roles: [OrganizationRole.BUYER] });
    const supplierAdmin = await newPerson(t, { name: 'Supplier admin' });
    const supplier = await newOrganization(t, supplierAdmin, {
      roles: [OrganizationRole.SUPPLIER],
      categoryIds: [STEEL, FASTENERS],
    });
    return {
      buyer,
      supplier,
      buyerAdmin,
      supplierAdmin,
      buyerMember: await member(buyer, buyerAdmin, 'Buyer member'),
      supplierMember: await member(supplier, supplierAdmin, 'Supplier member'),
      outsider: await newPerson(t, { name: 'Outsider' }),
      endedBuyerMember: await endedMember(buyer, buyerAdmin),
      pendingBuyerMember: await pendingMember(buyer),
      endedSupplierMember: await endedMember(supplier, supplierAdmin),
      pendingSupplierMember: await pendingMember(supplier),
    };
  }

  /** A PENDING trade recorded through the service (setup, not the behaviour under test). */
  function pendingTrade(
    s: Sides,
    overrides: Partial<{ categoryId: string; occurredOn: string; visibility: TradeVisibility }> = {},
  ): Promise<Trade> {
    return trades().record(s.buyerMember.user, {
      buyerId: s.buyer.id,
      supplierId: s.supplier.id,
      categoryId: STEEL,
      occurredOn: '2024-05-01',
      amountBand: AmountBand.FROM_10K_TO_100K,
      visibility: TradeVisibility.PUBLIC,
      ...overrides,
    });
  }

  async function confirmedTrade(s: Sides, overrides: Parameters<typeof pendingTrade>[1] = {}): Promise<Trade> {
    const trade = await pendingTrade(s, overrides);
    return trades().confirm(s.supplierMember.user, trade.id);
  }

  const recordInput = (s: Sides, overrides: Record<string, unknown> = {}) => ({
    buyerId: s.buyer.id,
    supplierId: s.supplier.id,
    categoryId: STEEL,
    occurredOn: '2024-05-01',
    amountBand: 'FROM_10K_TO_100K',
    ...overrides,
  });
  const record = (person: TestPerson, input: Record<string, unknown>) => t.gql(RECORD, { input }, person.token);
  const leave = (person: TestPerson, tradeId: string, overrides: Record<string, unknown> = {}) =>
    t.gql(LEAVE, { input: { tradeId, quality: 4, delivery: 3, communication: 5, ...overrides } }, person.token);

  const tradeCount = async () => (await t.neo4j.read<{ n: number }>('MATCH (t:Trade) RETURN count(t) AS n'))[0].n;
  /** The stored state of one trade, read straight from the graph. */
  const stored = async (tradeId: string) =>
    (
      await t.neo4j.read<{
        status: string;
        rejectionReason: string | null;
        confirmers: string[];
        rejecters: string[];
      }>(
        `MATCH (t:Trade {id: $tradeId})
         RETURN t.status AS status, t.rejectionReason AS rejectionReason,
                [(p:Person)-[:CONFIRMED]->(t) | p.id] AS confirmers, [(p:Person)-[:REJECTED]->(t) | p.id] AS rejecters`,
        { tradeId },
      )
    )[0];
  const storedFeedback = (tradeId: string) =>
    t.neo4j.read<{
      id: string;
      quality: number;
      delivery: number;
      communication: number;
      comment: string | null;
      createdAt: Date;
      updatedAt: Date;
      about: string[];
      authors: string[];
    }>(
      `MATCH (f:Feedback) WHERE f.tradeId = $tradeId OR EXISTS { (f)-[:ABOUT]->(:Trade {id: $tradeId}) }
       RETURN f.id AS id, f.quality AS quality, f.delivery AS delivery, f.communication AS communication,
              f.comment AS comment, f.createdAt AS createdAt, f.updatedAt AS updatedAt,
              [(f)-[:ABOUT]->(t:Trade) | t.id] AS about, [(p:Person)-[:WROTE]->(f) | p.id] AS authors`,
      { tradeId },
    );

  /** Expects one error with these extensions and no data, labelled with who caused it. */
  const expectError = (who: string, res: GqlResponse, extensions: Record<string, unknown>) => {
    expect([who, onlyError(res).extensions]).toEqual([who, extensions]);
    expect([who, res.data ?? null]).toEqual([who, null]);
  };

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
          'recordedBy: Person!',
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
          'author: Person!',
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
          'endorsementCount: Int!',
          'lastTradedOn: Date',
          'repeatBuyerShare: Float',
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
