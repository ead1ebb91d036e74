import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuthUser, badInput, conflict, DomainError, forbidden, notFound, todayIso } from '#tradegraph/common';
import { NotificationKind, NotificationsService } from '#tradegraph/notifications';
import { OrganizationRole } from '#tradegraph/organizations';
import { RecordTradeInput } from './dto/record-trade.input.js';
import { SupplierScorecard } from './models/supplier-scorecard.model.js';
import { TradeStatus } from './models/trade-status.enum.js';
import { TradeVisibility } from './models/trade-visibility.enum.js';
import { Trade } from './models/trade.model.js';
import { ScorecardRepository } from './scorecard.repository.js';
import { EMPTY_FIGURES, toScorecard } from './scores.js';
import { RecordContext, TradeForViewer, TradesRepository } from './trades.repository.js';

export const REJECTION_REASON_MAX = 1000;

@Injectable()
export class TradesService {
  constructor(
    private readonly trades: TradesRepository,
    private readonly scorecardFigures: ScorecardRepository,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * A current member of the buyer who is not a current member of the supplier records a PENDING trade
   * with a supplier of the category.
   */
  async record(user: AuthUser, input: RecordTradeInput): Promise<Trade> {
    const invalid = recordInputProblem(input);
    if (invalid) throw invalid;
    const context = () =>
      this.trades.recordContext({
        buyerId: input.buyerId,
        supplierId: input.supplierId,
        categoryId: input.categoryId,
        personId: user.id,
      });
    const problem = recordProblem(input, await context());
    if (problem) throw problem;
    const created = await this.trades.create({
      id: randomUUID(),
      buyerId: input.buyerId,
      supplierId: input.supplierId,
      categoryId: input.categoryId,
      occurredOn: input.occurredOn,
      amountBand: input.amountBand,
      visibility: input.visibility ?? TradeVisibility.PUBLIC,
      recordedById: user.id,
    });
    if (created) {
      await this.notifications.notifyMembers(
        created.supplierId,
        NotificationKind.TRADE_RECORDED,
        user.id,
        created.id,
        'recorded a trade with your organization; please confirm or reject it',
      );
      return created;
    }
    // Something the checks relied on changed in between: report it as it stands now.
    throw recordProblem(input, await context()) ?? changedMeanwhile();
  }

  /**
   * A current member of the supplier confirms a PENDING trade, if the two sides are independent: the
   * confirmer did not record it and is not a current member of the buyer, and the recorder is not a
   * current member of the supplier. The repository checks all of it again in the write itself.
   */
  async confirm(user: AuthUser, tradeId: string): Promise<Trade> {
    await this.requireDecidable(user, tradeId, 'confirm');
    const confirmed = await this.trades.confirm(tradeId, user.id);
    if (confirmed) {
      await this.notifications.notify(
        [confirmed.recordedById],
        NotificationKind.TRADE_CONFIRMED,
        user.id,
        tradeId,
        'confirmed the trade you recorded',
      );
      return confirmed;
    }
    await this.requireDecidable(user, tradeId, 'confirm');
    throw changedMeanwhile();
  }

  /** A current member of the supplier rejects a PENDING trade, optionally saying why. */
  async reject(user: AuthUser, tradeId: string, reason: string | null | undefined): Promise<Trade> {
    const trimmed = reason?.trim() || null;
    if (trimmed && trimmed.length > REJECTION_REASON_MAX) {
      throw badInput('reason', `reason must be at most ${REJECTION_REASON_MAX} characters`);
    }
    await this.requireDecidable(user, tradeId, 'reject');
    const rejected = await this.trades.reject(tradeId, user.id, trimmed);
    if (rejected) {
      await this.notifications.notify(
        [rejected.recordedById],
        NotificationKind.TRADE_REJECTED,
        user.id,
        tradeId,
        'rejected the trade you recorded',
      );
      return rejected;
    }
    await this.requireDecidable(user, tradeId, 'reject');
    throw changedMeanwhile();
  }

  /**
   * The trade with the caller's standing on both sides. A trade the caller may not see answers
   * NOT_FOUND exactly like an unknown id, so that a private trade's existence never leaks.
   */
  async forViewer(user: AuthUser, tradeId: string, field: string): Promise<TradeForViewer> {
    const found = await this.trades.findForViewer(tradeId, user.id);
    if (!found) throw notFound(`No trade has the id ${tradeId}.`, field);
    return found;
  }

  /** The trades with these ids that the viewer may see (for the request's trade loader). */
  findVisible(viewer: AuthUser, ids: readonly string[]): Promise<Trade[]> {
    return this.trades.findVisible(ids, viewer.id);
  }

  /** Each organization's supplier scorecard as the viewer sees it, in the order of the ids. */
  async scorecards(viewer: AuthUser, organizationIds: readonly string[]): Promise<SupplierScorecard[]> {
    const rows = await this.scorecardFigures.figures(organizationIds, viewer.id);
    const byId = new Map(rows.map((row) => [row.organizationId, row]));
    return organizationIds.map((id) => toScorecard(byId.get(id) ?? EMPTY_FIGURES));
  }

  /** Rejecting needs no independence: a rejected trade counts nowhere. */
  private async requireDecidable(user: AuthUser, tradeId: string, decision: 'confirm' | 'reject'): Promise<void> {
    const found = await this.forViewer(user, tradeId, 'tradeId');
    if (!found.viewerInSupplier) {
      throw forbidden('Only a current member of the supplier may confirm or reject a trade.');
    }
    const problem = decision === 'confirm' ? confirmProblem(user, found) : null;
    if (problem) throw problem;
    if (found.trade.status !== TradeStatus.PENDING) {
      throw conflict(
        `Only a PENDING trade can be confirmed or rejected; this one is ${found.trade.status}.`,
        'tradeId',
      );
    }
  }
}

/** A trade's date is never in the future (dates are ISO days, so they compare as text). */
export function occurredOnProblem(occurredOn: string, today = todayIso()): DomainError | null {
  return occurredOn > today ? badInput('input.occurredOn', 'occurredOn cannot be in the future.') : null;
}

/** What is wrong with the trade itself, whoever records it; null if nothing. */
export function recordInputProblem(input: RecordTradeInput, today = todayIso()): DomainError | null {
  const date = occurredOnProblem(input.occurredOn, today);
  if (date) return date;
  if (input.buyerId === input.supplierId) {
    return badInput('input.supplierId', 'The supplier must be another organization than the buyer.');
  }
  return null;
}

/** What stops the caller from recording this trade, in the order a client should fix it; null if nothing. */
export function recordProblem(input: RecordTradeInput, context: RecordContext): DomainError | null {
  if (!context.buyerExists) return badInput('input.buyerId', `No organization has the id ${input.buyerId}.`);
  if (!context.recorderIsMember) return forbidden('Only a current member of the buyer may record its trades.');
  if (!context.supplierExists) return badInput('input.supplierId', `No organization has the id ${input.supplierId}.`);
  if (!context.supplierRoles.includes(OrganizationRole.SUPPLIER)) {
    return badInput('input.supplierId', 'The supplier must be an organization with the SUPPLIER role.');
  }
  if (context.recorderInSupplier) {
    return forbidden(
      'You are a current member of the supplier too. A trade needs two independent parties: it must be recorded ' +
        'by a member of the buyer who is not a member of the supplier, and confirmed by the supplier.',
    );
  }
  if (!context.categoryExists) return badInput('input.categoryId', `No category has the id ${input.categoryId}.`);
  if (!context.suppliesCategory) return badInput('input.categoryId', 'The supplier does not supply this category.');
  return null;
}

/**
 * What stops the caller, a current member of the supplier, from confirming this trade because the two
 * sides would not be independent; null if nothing.
 */
export function confirmProblem(user: AuthUser, found: TradeForViewer): DomainError | null {
  const why = 'A trade needs two independent parties: it counts only when confirmed by a member of the supplier';
  if (found.trade.recordedById === user.id) {
    return forbidden(`You recorded this trade, so you cannot confirm it. ${why} who did not record it.`);
  }
  if (found.viewerInBuyer) {
    return forbidden(
      `You are a current member of the buyer too, so you cannot confirm this trade. ${why} who is not a member of the buyer.`,
    );
  }
  if (found.recorderInSupplier) {
    return forbidden(
      'The person who recorded this trade is now a current member of the supplier too, so it cannot be ' +
        'confirmed (it can still be rejected). A trade needs two independent parties.',
    );
  }
  return null;
}

function changedMeanwhile(): DomainError {
  return conflict('The trade changed while this request was handled; please retry.');
}
