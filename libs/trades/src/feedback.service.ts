import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuthUser, conflict, forbidden } from '#tradegraph/common';
import { NotificationKind, NotificationsService } from '#tradegraph/notifications';
import { LeaveFeedbackInput } from './dto/leave-feedback.input.js';
import { FeedbackRepository } from './feedback.repository.js';
import { Feedback } from './models/feedback.model.js';
import { TradeStatus } from './models/trade-status.enum.js';
import { Trade } from './models/trade.model.js';
import { TradesService } from './trades.service.js';

@Injectable()
export class FeedbackService {
  constructor(
    private readonly feedback: FeedbackRepository,
    private readonly trades: TradesService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * A current member of the buyer who is not a current member of the supplier leaves (or replaces) the
   * one feedback of a CONFIRMED trade: a supplier cannot rate itself.
   */
  async leave(user: AuthUser, input: LeaveFeedbackInput): Promise<Feedback> {
    const trade = await this.requireWritable(user, input.tradeId);
    const saved = await this.feedback.upsert({
      id: randomUUID(),
      tradeId: input.tradeId,
      authorId: user.id,
      quality: input.quality,
      delivery: input.delivery,
      communication: input.communication,
      comment: input.comment || null,
    });
    if (saved) {
      // Only new or changed feedback is news; an identical repeat notifies nobody.
      if (saved.changed) {
        await this.notifications.notifyMembers(
          trade.supplierId,
          NotificationKind.FEEDBACK_RECEIVED,
          user.id,
          saved.feedback.id,
          'left feedback on a trade with your organization',
        );
      }
      return saved.feedback;
    }
    await this.requireWritable(user, input.tradeId);
    throw conflict('The trade changed while this request was handled; please retry.', 'input.tradeId');
  }

  /** The feedback of each of these trades that has one (for the request's feedback loader). */
  forTrades(tradeIds: readonly string[]): Promise<Feedback[]> {
    return this.feedback.forTrades(tradeIds);
  }

  private async requireWritable(user: AuthUser, tradeId: string): Promise<Trade> {
    const { trade, viewerInBuyer, viewerInSupplier } = await this.trades.forViewer(user, tradeId, 'input.tradeId');
    if (!viewerInBuyer) throw forbidden('Only a current member of the buyer may leave feedback on a trade.');
    if (viewerInSupplier) {
      throw forbidden(
        'You are a current member of the supplier too, so you cannot leave feedback on this trade: ' +
          'feedback must come from a member of the buyer who is not a member of the supplier.',
      );
    }
    if (trade.status !== TradeStatus.CONFIRMED) {
      throw conflict(`Feedback can be left only on a CONFIRMED trade; this one is ${trade.status}.`, 'input.tradeId');
    }
    return trade;
  }
}
