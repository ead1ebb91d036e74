import type { NotificationsService } from '#tradegraph/notifications';
import { AuthUser, notFound } from '#tradegraph/common';
import { FeedbackRepository, FeedbackScores } from './feedback.repository.js';
import { FeedbackService } from './feedback.service.js';
import { AmountBand } from './models/amount-band.enum.js';
import { TradeStatus } from './models/trade-status.enum.js';
import { TradeVisibility } from './models/trade-visibility.enum.js';
import { TradeForViewer } from './trades.repository.js';
import { TradesService } from './trades.service.js';
import { withAverage } from './scores.js';

/** Notifications are not under test here: a stand-in that stores and publishes nothing. */
const quietNotifications = {
  notify: async () => undefined,
  notifyMembers: async () => undefined,
  notifySourcingAudience: async () => undefined,
} as unknown as NotificationsService;

const user: AuthUser = { id: 'p1', email: 'p1@x.example' };

const view = (overrides: Partial<TradeForViewer> = {}, status = TradeStatus.CONFIRMED): TradeForViewer => ({
  trade: {
    id: 't1',
    buyerId: 'buyer',
    supplierId: 'supplier',
    categoryId: 'metals-steel',
    occurredOn: '2024-05-01',
    amountBand: AmountBand.UNDER_10K,
    visibility: TradeVisibility.PUBLIC,
    status,
    recordedById: 'p0',
    confirmedById: 'p2',
  },
  viewerInBuyer: true,
  viewerInSupplier: false,
  recorderInSupplier: false,
  ...overrides,
});

/** The trade lookup (NOT_FOUND when invisible, as TradesService does) and the feedback writes asked for. */
const setup = (found: TradeForViewer | null) => {
  const writes: FeedbackScores[] = [];
  const trades = {
    forViewer: async (_user: AuthUser, tradeId: string, field: string) => {
      if (!found) throw notFound(`No trade has the id ${tradeId}.`, field);
      return found;
    },
  };
  const repository = {
    upsert: async (scores: FeedbackScores) => {
      writes.push(scores);
      return { feedback: withAverage({ ...scores, createdAt: new Date(), updatedAt: new Date() }), changed: true };
    },
  };
  const service = new FeedbackService(
    repository as unknown as FeedbackRepository,
    trades as unknown as TradesService,
    quietNotifications,
  );
  return { service, writes };
};

const input = { tradeId: 't1', quality: 5, delivery: 4, communication: 3 };

describe('FeedbackService.leave', () => {
  it('writes the caller’s scores, with a blank comment stored as none', async () => {
    const { service, writes } = setup(view());
    const saved = await service.leave(user, { ...input, comment: '' });
    expect(saved).toMatchObject({ tradeId: 't1', authorId: 'p1', average: 4, comment: null });
    expect(writes).toEqual([expect.objectContaining({ ...input, authorId: 'p1', comment: null })]);
  });

  it('answers NOT_FOUND on "input.tradeId" for a trade the caller cannot see', async () => {
    const { service, writes } = setup(null);
    await expect(service.leave(user, input)).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'input.tradeId' });
    expect(writes).toEqual([]);
  });

  it('forbids everyone outside the buyer, members of the supplier included', async () => {
    const { service, writes } = setup(view({ viewerInBuyer: false, viewerInSupplier: true }));
    await expect(service.leave(user, input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(writes).toEqual([]);
  });

  it('forbids a member of the buyer who is a current member of the supplier too', async () => {
    const { service, writes } = setup(view({ viewerInBuyer: true, viewerInSupplier: true }));
    await expect(service.leave(user, input)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/member of the supplier too/),
    });
    expect(writes).toEqual([]);
  });

  it.each([TradeStatus.PENDING, TradeStatus.REJECTED])('answers CONFLICT for a %s trade', async (status) => {
    const { service, writes } = setup(view({}, status));
    await expect(service.leave(user, input)).rejects.toMatchObject({ code: 'CONFLICT', field: 'input.tradeId' });
    expect(writes).toEqual([]);
  });
});
