/**
 * Shared by the trades end-to-end tests (test/trades-*.e2e-spec.ts): the GraphQL operations, the
 * buyer/supplier "sides" every test works against, and small setup and read-back helpers.
 */
import { EmploymentService } from '#tradegraph/employment';
import { Organization, OrganizationRole } from '#tradegraph/organizations';
import { AmountBand, Trade, TradesService, TradeVisibility } from '#tradegraph/trades';
import { newEmployment, newOrganization, newPerson, TestPerson } from './factories.js';
import { GqlResponse, onlyError, TestApp } from './test-app.js';

export const STEEL = 'metals-steel';
export const FASTENERS = 'metals-fasteners';
export const SOLVENTS = 'chemicals-solvents';

export const TRADE_FIELDS = `id occurredOn amountBand visibility status
  buyer { id } supplier { id } category { id name } recordedBy { id } confirmedBy { id }
  feedback { id quality delivery communication average comment author { id } }`;
export const FEEDBACK_FIELDS = `id quality delivery communication average comment createdAt author { id } trade { id status }`;

export const RECORD = `mutation Record($input: RecordTradeInput!) { recordTrade(input: $input) { ${TRADE_FIELDS} } }`;
export const CONFIRM = `mutation Confirm($tradeId: ID!) { confirmTrade(tradeId: $tradeId) { ${TRADE_FIELDS} } }`;
export const REJECT = `mutation Reject($tradeId: ID!, $reason: String) {
  rejectTrade(tradeId: $tradeId, reason: $reason) { ${TRADE_FIELDS} }
}`;
export const LEAVE = `mutation Leave($input: LeaveFeedbackInput!) { leaveFeedback(input: $input) { ${FEEDBACK_FIELDS} } }`;
export const TRADE = `query Trade($id: ID!) { trade(id: $id) { ${TRADE_FIELDS} } }`;
export const SCORECARD_FIELDS = `confirmedTradeCount distinctBuyerCount repeatBuyerShare averageQuality averageDelivery
  averageCommunication endorsementCount averageEndorsementRating lastTradedOn`;
export const SCORECARD = `query Scorecard($id: ID!) { organization(id: $id) { scorecard { ${SCORECARD_FIELDS} } } }`;

export const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** A buyer and a supplier organization with people in every relation to them. */
export interface Sides {
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

export type Actors = (readonly [string, TestPerson])[];

/** Expects one error with these extensions and no data, labelled with who caused it. */
export const expectError = (who: string, res: GqlResponse, extensions: Record<string, unknown>) => {
  expect([who, onlyError(res).extensions]).toEqual([who, extensions]);
  expect([who, res.data ?? null]).toEqual([who, null]);
};

/**
 * The helpers that need the running app. `app` is called on each use, so they can be created
 * in a describe block before beforeAll has started the app.
 */
export function tradeHelpers(app: () => TestApp) {
  const trades = () => app().app.get(TradesService);

  /** A current member of `organization`, approved by its admin. */
  async function member(organization: Organization, admin: TestPerson, name?: string): Promise<TestPerson> {
    const person = await newPerson(app(), name ? { name } : {});
    await newEmployment(app(), person, organization, { approvedBy: admin });
    return person;
  }

  /** A former member of `organization`: approved, then ended. */
  async function endedMember(organization: Organization, admin: TestPerson): Promise<TestPerson> {
    const person = await newPerson(app());
    const employment = await newEmployment(app(), person, organization, { approvedBy: admin });
    await app().app.get(EmploymentService).end(person.user, employment.id, '2024-01-01');
    return person;
  }

  /** Someone who asked to join `organization` and was never approved. */
  async function pendingMember(organization: Organization): Promise<TestPerson> {
    const person = await newPerson(app());
    await newEmployment(app(), person, organization);
    return person;
  }

  async function newSides(): Promise<Sides> {
    const t = app();
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
  const record = (person: TestPerson, input: Record<string, unknown>) => app().gql(RECORD, { input }, person.token);
  const leave = (person: TestPerson, tradeId: string, overrides: Record<string, unknown> = {}) =>
    app().gql(LEAVE, { input: { tradeId, quality: 4, delivery: 3, communication: 5, ...overrides } }, person.token);

  const tradeCount = async () => (await app().neo4j.read<{ n: number }>('MATCH (t:Trade) RETURN count(t) AS n'))[0].n;
  /** The stored state of one trade, read straight from the graph. */
  const stored = async (tradeId: string) =>
    (
      await app().neo4j.read<{
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
    app().neo4j.read<{
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

  return {
    trades,
    member,
    endedMember,
    pendingMember,
    newSides,
    pendingTrade,
    confirmedTrade,
    recordInput,
    record,
    leave,
    tradeCount,
    stored,
    storedFeedback,
  };
}
