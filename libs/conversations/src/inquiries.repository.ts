import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { InquiryRow } from './entities/inquiry.entity.js';
import { Inquiry } from './models/inquiry.model.js';
import { InquiryStatus } from './models/inquiry-status.enum.js';
import { InquiryVia } from './models/inquiry-via.enum.js';
import { rowLock } from './row-lock.js';

const toInquiry = (row: InquiryRow): Inquiry => ({
  id: row.id,
  buyerId: row.buyerId,
  supplierId: row.supplierId,
  categoryId: row.categoryId,
  subject: row.subject,
  text: row.text,
  via: row.via,
  status: row.status,
  claimedById: row.claimedById,
  conversationId: row.conversationId,
  createdAt: row.createdAt,
  closedAt: row.closedAt,
});

export interface NewInquiry {
  buyerId: string;
  supplierId: string;
  categoryId: string | null;
  subject: string;
  text: string;
  introductionId: string | null;
  via: InquiryVia;
}

/** SQL of supplier inquiries. */
@Injectable()
export class InquiriesRepository {
  constructor(private readonly sql: DataSource) {}

  async create(draft: NewInquiry): Promise<Inquiry> {
    const id = randomUUID();
    await this.sql.manager.insert(InquiryRow, {
      ...draft,
      id,
      status: InquiryStatus.OPEN,
      claimedById: null,
      conversationId: null,
      closedById: null,
      createdAt: new Date(),
      closedAt: null,
    });
    return toInquiry(await this.sql.manager.findOneByOrFail(InquiryRow, { id }));
  }

  async find(id: string): Promise<Inquiry | null> {
    const row = await this.sql.manager.findOneBy(InquiryRow, { id });
    return row ? toInquiry(row) : null;
  }

  /** The suppliers the buyer has an inquiry with that is not closed. */
  async openSupplierIds(buyerId: string): Promise<string[]> {
    const rows = await this.sql.manager.find(InquiryRow, {
      select: { supplierId: true },
      where: { buyerId, status: In([InquiryStatus.OPEN, InquiryStatus.CLAIMED]) },
    });
    return [...new Set(rows.map((row) => row.supplierId))];
  }

  /** A page of a supplier's inquiries, newest first, without those of the `hidden` buyers. */
  async page(
    supplierId: string,
    status: InquiryStatus | null,
    hidden: readonly string[],
    offset: number,
    limit: number,
  ): Promise<{ total: number; items: Inquiry[] }> {
    const query = this.sql.manager
      .createQueryBuilder(InquiryRow, 'i')
      .where('i.supplierId = :supplierId', { supplierId });
    if (status) query.andWhere('i.status = :status', { status });
    if (hidden.length > 0) query.andWhere('i.buyerId NOT IN (:...hidden)', { hidden });
    const [rows, total] = await query
      .orderBy('i.createdAt', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .skip(offset)
      .take(limit)
      .getManyAndCount();
    return { total, items: rows.map(toInquiry) };
  }

  /** The inquiry, read inside `tx` with a row lock (PostgreSQL), for a write that depends on its state. */
  async findLocked(tx: EntityManager, id: string): Promise<Inquiry | null> {
    const row = await tx.findOne(InquiryRow, { where: { id }, lock: rowLock(tx) });
    return row ? toInquiry(row) : null;
  }

  /**
   * Marks the inquiry claimed by the member (inside `tx`): an OPEN one, or with `from`, one still CLAIMED by
   * that abandoned claimer (null: a deleted account). False when it no longer was.
   */
  async markClaimed(
    tx: EntityManager,
    id: string,
    memberId: string,
    from: { abandonedBy: string | null } | null,
  ): Promise<boolean> {
    const where = from
      ? { id, status: InquiryStatus.CLAIMED, claimedById: from.abandonedBy ?? IsNull() }
      : { id, status: InquiryStatus.OPEN };
    const result = await tx.update(InquiryRow, where, { status: InquiryStatus.CLAIMED, claimedById: memberId });
    return Boolean(result.affected);
  }

  /** Links the claimed inquiry to its conversation (inside `tx`). */
  async setConversation(tx: EntityManager, id: string, conversationId: string): Promise<Inquiry> {
    await tx.update(InquiryRow, { id }, { conversationId });
    return toInquiry(await tx.findOneByOrFail(InquiryRow, { id }));
  }

  /** Closes an inquiry that is not closed yet (inside `tx`); null when it already was. */
  async markClosed(tx: EntityManager, id: string, memberId: string): Promise<Inquiry | null> {
    const result = await tx.update(
      InquiryRow,
      { id, status: In([InquiryStatus.OPEN, InquiryStatus.CLAIMED]) },
      { status: InquiryStatus.CLOSED, closedById: memberId, closedAt: new Date() },
    );
    return result.affected ? toInquiry(await tx.findOneByOrFail(InquiryRow, { id })) : null;
  }
}
