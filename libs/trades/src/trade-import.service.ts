import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuthUser, DomainError, todayIso } from '#tradegraph/common';
import { NotificationKind, NotificationsService } from '#tradegraph/notifications';
import { RecordTradeInput } from './dto/record-trade.input.js';
import { AmountBand } from './models/amount-band.enum.js';
import { TradeVisibility } from './models/trade-visibility.enum.js';
import { recordInputProblem, recordProblem } from './trades.service.js';
import { ImportedTrade, RecordContext, TradesRepository } from './trades.repository.js';

/** How many trades one write statement (one transaction) creates, unless the caller says otherwise. */
export const DEFAULT_IMPORT_BATCH = 10_000;

/** One trade to import, its supplier and category already resolved to ids. */
export interface TradeImportRow {
  /** Where the row came from (a line of the file), to report it. */
  line: number;
  externalOrderId: string;
  supplierId: string;
  categoryId: string;
  occurredOn: string;
  amountBand: AmountBand;
  visibility: TradeVisibility;
}

/** CREATED in a dry run means: would be created. */
export type TradeImportStatus = 'CREATED' | 'PRESENT' | 'FAILED';

export interface TradeImportOutcome {
  line: number;
  status: TradeImportStatus;
  reason?: string;
}

export interface TradeImportOptions {
  dryRun?: boolean;
  batchSize?: number;
  /** Called after each batch with the rows handled so far. */
  onProgress?: (done: number, total: number) => void;
}

export interface TradeImportResult {
  outcomes: TradeImportOutcome[];
  /** How many trades were created with each supplier (whose members were notified once). */
  createdBySupplier: Map<string, number>;
}

const pairKey = (supplierId: string, categoryId: string) => `${supplierId}\u0000${categoryId}`;

/**
 * Imports a buyer's trades in batches, under every rule of recordTrade (the same checks in the same
 * order, and again in the write statement). Idempotent: a trade is keyed by the buyer and its external
 * order id, so importing the same rows again creates nothing. A failing row never stops the others.
 */
@Injectable()
export class TradeImportService {
  constructor(
    private readonly trades: TradesRepository,
    private readonly notifications: NotificationsService,
  ) {}

  /** Refuses the whole import when the buyer does not exist or the caller is not a current member of it. */
  async requireImporter(user: AuthUser, buyerId: string): Promise<void> {
    const context = await this.trades.recordContext({ buyerId, supplierId: '', categoryId: '', personId: user.id });
    if (!context.buyerExists || !context.recorderIsMember) {
      throw recordProblem(this.input(buyerId, { supplierId: '', categoryId: '' }), context)!;
    }
  }

  async import(
    user: AuthUser,
    buyerId: string,
    rows: readonly TradeImportRow[],
    options: TradeImportOptions = {},
  ): Promise<TradeImportResult> {
    await this.requireImporter(user, buyerId);
    const outcomes = new Map<number, TradeImportOutcome>();
    const fail = (row: TradeImportRow, reason: string) =>
      outcomes.set(row.line, { line: row.line, status: 'FAILED', reason });

    const firstLine = new Map<string, number>();
    const unique: TradeImportRow[] = [];
    for (const row of rows) {
      const seen = firstLine.get(row.externalOrderId);
      if (seen === undefined) {
        firstLine.set(row.externalOrderId, row.line);
        unique.push(row);
      } else fail(row, `The external order id ${row.externalOrderId} repeats line ${seen}.`);
    }
    // What the buyer already imported stays as it is, whatever changed since: importing again is a no-op.
    const present = await this.imported(buyerId, unique);
    const fresh = unique.filter((row) => {
      if (!present.has(row.externalOrderId)) return true;
      outcomes.set(row.line, { line: row.line, status: 'PRESENT' });
      return false;
    });
    const contexts = await this.contexts(user, buyerId, fresh);
    const today = todayIso();
    const toCreate = fresh.filter((row) => {
      const problem = this.problem(buyerId, row, contexts, today);
      if (problem) fail(row, problem.message);
      return !problem;
    });

    const createdBySupplier = new Map<string, number>();
    const batchSize = options.batchSize ?? DEFAULT_IMPORT_BATCH;
    const settled = rows.length - toCreate.length;
    options.onProgress?.(settled, rows.length);
    for (let start = 0; start < toCreate.length; start += batchSize) {
      const batch = toCreate.slice(start, start + batchSize);
      const created = options.dryRun ? batch : await this.write(user, buyerId, batch, fail, outcomes);
      for (const row of created) {
        outcomes.set(row.line, { line: row.line, status: 'CREATED' });
        createdBySupplier.set(row.supplierId, (createdBySupplier.get(row.supplierId) ?? 0) + 1);
      }
      options.onProgress?.(settled + start + batch.length, rows.length);
    }
    if (!options.dryRun) await this.notifySuppliers(user, buyerId, createdBySupplier);
    return { outcomes: rows.map((row) => outcomes.get(row.line)!), createdBySupplier };
  }

  /**
   * Writes one batch; the rows it did not create now fail a rule. When another import created some of
   * the batch's order ids meanwhile, the batch writes nothing: those rows are PRESENT, and the rest is
   * written again.
   */
  private async write(
    user: AuthUser,
    buyerId: string,
    batch: TradeImportRow[],
    fail: (row: TradeImportRow, reason: string) => void,
    outcomes: Map<number, TradeImportOutcome>,
  ): Promise<TradeImportRow[]> {
    let pending = batch;
    let createdIds: Set<string> | null = null;
    let trades: (ImportedTrade & { row: TradeImportRow })[] = [];
    while (createdIds === null) {
      trades = pending.map((row) => ({
        row,
        id: randomUUID(),
        externalOrderId: row.externalOrderId,
        supplierId: row.supplierId,
        categoryId: row.categoryId,
        occurredOn: row.occurredOn,
        amountBand: row.amountBand,
        visibility: row.visibility,
      }));
      const ids = await this.trades.importMany({
        buyerId,
        recordedById: user.id,
        trades: trades.map(({ row: _row, ...trade }) => trade),
      });
      if (ids) createdIds = new Set(ids);
      else {
        const present = await this.imported(buyerId, pending);
        for (const row of pending) {
          if (present.has(row.externalOrderId)) outcomes.set(row.line, { line: row.line, status: 'PRESENT' });
        }
        const remaining = pending.filter((row) => !present.has(row.externalOrderId));
        if (remaining.length === pending.length) throw new Error('An import batch was rejected by a constraint.');
        pending = remaining;
      }
    }
    const created = trades.filter((trade) => createdIds.has(trade.id)).map((trade) => trade.row);
    const missed = trades.filter((trade) => !createdIds.has(trade.id)).map((trade) => trade.row);
    if (missed.length > 0) {
      const contexts = await this.contexts(user, buyerId, missed);
      for (const row of missed) {
        const problem = this.problem(buyerId, row, contexts, todayIso());
        fail(row, problem?.message ?? 'Something this row relied on changed during the import; import it again.');
      }
    }
    return created;
  }

  /** One summary notification to the current members of each supplier, not one per trade. */
  private async notifySuppliers(user: AuthUser, buyerId: string, createdBySupplier: Map<string, number>) {
    for (const [supplierId, count] of createdBySupplier) {
      await this.notifications.notifyMembers(
        supplierId,
        NotificationKind.TRADES_IMPORTED,
        user.id,
        buyerId,
        `imported ${count} trade${count === 1 ? '' : 's'} with your organization; please confirm or reject them`,
      );
    }
  }

  private problem(
    buyerId: string,
    row: TradeImportRow,
    contexts: Map<string, RecordContext>,
    today: string,
  ): DomainError | null {
    const input = this.input(buyerId, row);
    return (
      recordInputProblem(input, today) ?? recordProblem(input, contexts.get(pairKey(row.supplierId, row.categoryId))!)
    );
  }

  private input(
    buyerId: string,
    row: Pick<TradeImportRow, 'supplierId' | 'categoryId'> & Partial<TradeImportRow>,
  ): RecordTradeInput {
    return {
      buyerId,
      supplierId: row.supplierId,
      categoryId: row.categoryId,
      occurredOn: row.occurredOn ?? '',
      amountBand: row.amountBand ?? AmountBand.UNDER_10K,
      visibility: row.visibility ?? TradeVisibility.PUBLIC,
    };
  }

  /** The record contexts of every distinct supplier and category pair among the rows. */
  private async contexts(
    user: AuthUser,
    buyerId: string,
    rows: readonly TradeImportRow[],
  ): Promise<Map<string, RecordContext>> {
    const pairs = new Map(
      rows.map((row) => [
        pairKey(row.supplierId, row.categoryId),
        { supplierId: row.supplierId, categoryId: row.categoryId },
      ]),
    );
    const contexts = new Map<string, RecordContext>();
    const all = [...pairs.values()];
    for (let start = 0; start < all.length; start += DEFAULT_IMPORT_BATCH) {
      const found = await this.trades.recordContexts({
        buyerId,
        personId: user.id,
        pairs: all.slice(start, start + DEFAULT_IMPORT_BATCH),
      });
      for (const { supplierId, categoryId, ...context } of found)
        contexts.set(pairKey(supplierId, categoryId), context);
    }
    return contexts;
  }

  /** Which of the rows' external order ids the buyer has already imported. */
  private async imported(buyerId: string, rows: readonly TradeImportRow[]): Promise<Set<string>> {
    const ids = rows.map((row) => row.externalOrderId);
    const found = new Set<string>();
    for (let start = 0; start < ids.length; start += DEFAULT_IMPORT_BATCH) {
      for (const id of await this.trades.importedOrderIds(buyerId, ids.slice(start, start + DEFAULT_IMPORT_BATCH))) {
        found.add(id);
      }
    }
    return found;
  }
}
