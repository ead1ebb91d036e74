import type { NotificationsService } from '#tradegraph/notifications';
import { AuthUser, todayIso } from '#tradegraph/common';
import { RecordTradeInput } from './dto/record-trade.input.js';
import { AmountBand } from './models/amount-band.enum.js';
import { TradeStatus } from './models/trade-status.enum.js';
import { TradeVisibility } from './models/trade-visibility.enum.js';
import { Trade } from './models/trade.model.js';
import { ScorecardRepository } from './scorecard.repository.js';
import { EMPTY_FIGURES, ScorecardFigures } from './scores.js';
import { NewTrade, RecordContext, TradeForViewer, TradesRepository } from './trades.repository.js';
import { TradesService } from './trades.service.js';

/** Notifications are not under test here: a stand-in that stores and publishes nothing. */
const quietNotifications = {
  notify: async () => undefined,
  notifyMembers: async () => undefined,
  notifySourcingAudience: async () => undefined,
} as unknown as NotificationsService;

const user: AuthUser = { id: 'p1', email: 'p1@x.example' };

const trade = (overrides: Partial<Trade> = {}): Trade => ({
  id: 't1',
  buyerId: 'buyer',
  supplierId: 'supplier',
  categoryId: 'metals-steel',
  occurredOn: '2024-05-01',
  amountBand: AmountBand.UNDER_10K,
  visibility: TradeVisibility.PUBLIC,
  status: TradeStatus.PENDING,
  recordedById: 'p0',
  confirmedById: null,
  ...overrides,
});

/** An in-memory stand-in for the repositories: canned answers, and a log of the writes asked for. */
class FakeTrades {
  context: RecordContext = {
    buyerExists: true,
    recorderIsMember: true,
    supplierExists: true,
    recorderInSupplier: false,
    supplierRoles: ['SUPPLIER'],
    categoryExists: true,
    suppliesCategory: true,
  };
  /** What findForViewer answers, in turn; the last answer repeats. */
  views: (TradeForViewer | null)[] = [];
  writeResult: Trade | null = trade({ status: TradeStatus.CONFIRMED });
  created: NewTrade[] = [];
  decisions: { kind: string; id: string; personId: string; reason?: string | null }[] = [];
  figures: ScorecardFigures[] = [];

  async recordContext() {
    return this.context;
  }
  async create(newTrade: NewTrade) {
    this.created.push(newTrade);
    return this.writeResult;
  }
  async findForViewer() {
    return this.views.length > 1 ? this.views.shift()! : (this.views[0] ?? null);
  }
  async confirm(id: string, personId: string) {
    this.decisions.push({ kind: 'confirm', id, personId });
    return this.writeResult;
  }
  async reject(id: string, personId: string, reason: string | null) {
    this.decisions.push({ kind: 'reject', id, personId, reason });
    return this.writeResult;
  }
}

const setup = () => {
  const repository = new FakeTrades();
  const scorecards = { figures: async () => repository.figures };
  const service = new TradesService(
    repository as unknown as TradesRepository,
    scorecards as unknown as ScorecardRepository,
    quietNotifications,
  );
  return { repository, service };
};

const input = (overrides: Partial<RecordTradeInput> = {}): RecordTradeInput => ({
  buyerId: 'buyer',
  supplierId: 'supplier',
  categoryId: 'metals-steel',
  occurredOn: '2024-05-01',
  amountBand: AmountBand.FROM_100K_TO_1M,
  ...overrides,
});

describe('TradesService.record', () => {
  it('creates a trade recorded by the caller, PUBLIC unless asked otherwise', async () => {
    const { repository, service } = setup();
    await service.record(user, input({ visibility: null }));
    await service.record(user, input({ visibility: TradeVisibility.PRIVATE }));
    expect(repository.created.map((t) => [t.recordedById, t.visibility])).toEqual([
      ['p1', 'PUBLIC'],
      ['p1', 'PRIVATE'],
    ]);
    expect(new Set(repository.created.map((t) => t.id)).size).toBe(2);
  });

  it.each([
    [{ occurredOn: '2999-12-31' }, 'input.occurredOn'],
    [{ supplierId: 'buyer' }, 'input.supplierId'],
  ])('rejects %p with BAD_USER_INPUT on %s before looking anything up', async (overrides, field) => {
    const { repository, service } = setup();
    repository.context = { ...repository.context, recorderIsMember: false };
    await expect(service.record(user, input(overrides))).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(repository.created).toEqual([]);
  });

  it('accepts a trade dated today', async () => {
    const { repository, service } = setup();
    await service.record(user, input({ occurredOn: todayIso() }));
    expect(repository.created).toHaveLength(1);
  });

  it.each([
    [
      { buyerExists: false, recorderIsMember: false },
      { code: 'BAD_USER_INPUT', field: 'input.buyerId' },
    ],
    [{ recorderIsMember: false, supplierExists: false }, { code: 'FORBIDDEN' }],
    [
      { supplierExists: false, supplierRoles: [] },
      { code: 'BAD_USER_INPUT', field: 'input.supplierId' },
    ],
    [{ recorderInSupplier: true, suppliesCategory: false }, { code: 'FORBIDDEN' }],
    [
      { supplierRoles: ['BUYER'], recorderInSupplier: true },
      { code: 'BAD_USER_INPUT', field: 'input.supplierId' },
    ],
    [
      { categoryExists: false, suppliesCategory: false },
      { code: 'BAD_USER_INPUT', field: 'input.categoryId' },
    ],
    [{ suppliesCategory: false }, { code: 'BAD_USER_INPUT', field: 'input.categoryId' }],
  ])('with %p answers %p and creates nothing', async (context, error) => {
    const { repository, service } = setup();
    repository.context = { ...repository.context, ...context };
    const rejection = await service.record(user, input()).catch((e: unknown) => e);
    expect(rejection).toMatchObject(error);
    if (!('field' in error)) expect(rejection).toMatchObject({ field: undefined });
    expect(repository.created).toEqual([]);
  });

  it('reports what changed when the guarded create finds a rule broken meanwhile', async () => {
    const { repository, service } = setup();
    repository.writeResult = null;
    const pending = service.record(user, input());
    repository.context = { ...repository.context, recorderIsMember: false };
    await expect(pending).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('answers CONFLICT when the guarded create fails although every rule holds again', async () => {
    const { repository, service } = setup();
    repository.writeResult = null;
    await expect(service.record(user, input())).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('TradesService.confirm and reject', () => {
  const view = (overrides: Partial<TradeForViewer> = {}, status = TradeStatus.PENDING): TradeForViewer => ({
    trade: trade({ status }),
    viewerInBuyer: false,
    viewerInSupplier: true,
    recorderInSupplier: false,
    ...overrides,
  });

  it('lets a current member of the supplier confirm or reject a PENDING trade', async () => {
    const { repository, service } = setup();
    repository.views = [view()];
    await service.confirm(user, 't1');
    await service.reject(user, 't1', '  Not ours.  ');
    await service.reject(user, 't1', '   ');
    await service.reject(user, 't1', undefined);
    expect(repository.decisions).toEqual([
      { kind: 'confirm', id: 't1', personId: 'p1' },
      { kind: 'reject', id: 't1', personId: 'p1', reason: 'Not ours.' },
      { kind: 'reject', id: 't1', personId: 'p1', reason: null },
      { kind: 'reject', id: 't1', personId: 'p1', reason: null },
    ]);
  });

  it('answers NOT_FOUND on "tradeId" for a trade the caller cannot see or that does not exist', async () => {
    const { repository, service } = setup();
    repository.views = [null];
    await expect(service.confirm(user, 't1')).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'tradeId' });
    await expect(service.reject(user, 't1', null)).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'tradeId' });
    expect(repository.decisions).toEqual([]);
  });

  it('forbids members of the buyer and everyone else outside the supplier', async () => {
    const { repository, service } = setup();
    repository.views = [view({ viewerInBuyer: true, viewerInSupplier: false })];
    await expect(service.confirm(user, 't1')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.reject(user, 't1', null)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(repository.decisions).toEqual([]);
  });

  it.each([
    ['the recorder', { trade: trade({ recordedById: 'p1' }) }, /You recorded this trade/],
    ['a current member of the buyer too', { viewerInBuyer: true }, /member of the buyer too/],
    [
      'anyone while the recorder is a member of the supplier',
      { recorderInSupplier: true },
      /recorded this trade is now/,
    ],
  ])('forbids confirming by %s (two independent parties), but not rejecting', async (_who, overrides, message) => {
    const { repository, service } = setup();
    repository.views = [view(overrides)];
    await expect(service.confirm(user, 't1')).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(message),
    });
    expect(repository.decisions).toEqual([]);
    await service.reject(user, 't1', null);
    expect(repository.decisions).toEqual([{ kind: 'reject', id: 't1', personId: 'p1', reason: null }]);
  });

  it('reports the independence rule when the guarded confirm finds it broken meanwhile', async () => {
    const { repository, service } = setup();
    repository.views = [view(), view({ viewerInBuyer: true })];
    repository.writeResult = null;
    await expect(service.confirm(user, 't1')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it.each([TradeStatus.CONFIRMED, TradeStatus.REJECTED])(
    'answers CONFLICT on "tradeId" for a %s trade',
    async (status) => {
      const { repository, service } = setup();
      repository.views = [view({}, status)];
      await expect(service.confirm(user, 't1')).rejects.toMatchObject({ code: 'CONFLICT', field: 'tradeId' });
      await expect(service.reject(user, 't1', null)).rejects.toMatchObject({ code: 'CONFLICT', field: 'tradeId' });
      expect(repository.decisions).toEqual([]);
    },
  );

  it('answers CONFLICT when another decision won the race to the lock', async () => {
    const { repository, service } = setup();
    repository.views = [view(), view({}, TradeStatus.CONFIRMED)];
    repository.writeResult = null;
    await expect(service.confirm(user, 't1')).rejects.toMatchObject({ code: 'CONFLICT', field: 'tradeId' });
  });

  it('rejects a reason over 1000 characters with BAD_USER_INPUT on "reason" before looking the trade up', async () => {
    const { repository, service } = setup();
    repository.views = [null];
    await expect(service.reject(user, 't1', 'r'.repeat(1001))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    repository.views = [view()];
    await service.reject(user, 't1', ` ${'r'.repeat(1000)} `);
    expect(repository.decisions).toEqual([{ kind: 'reject', id: 't1', personId: 'p1', reason: 'r'.repeat(1000) }]);
  });
});

describe('TradesService.scorecards', () => {
  it('answers in the order of the ids, with an empty scorecard for ids the query did not return', async () => {
    const { repository, service } = setup();
    repository.figures = [{ ...EMPTY_FIGURES, organizationId: 'b', confirmedTradeCount: 3, distinctBuyerCount: 2 }];
    const [a, b] = await service.scorecards(user, ['a', 'b']);
    expect(a).toMatchObject({ confirmedTradeCount: 0, repeatBuyerShare: null });
    expect(b).toMatchObject({ confirmedTradeCount: 3, distinctBuyerCount: 2, repeatBuyerShare: 0 });
  });
});
