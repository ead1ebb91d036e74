import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InquiryStatus } from '../models/inquiry-status.enum.js';
import { InquiryVia } from '../models/inquiry-via.enum.js';

/** A buyer's question to a supplier organization, in that supplier's shared inbox. */
@Entity({ name: 'inquiries' })
@Index('inquiries_supplier_status', ['supplierId', 'status'])
export class InquiryRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('inquiries_buyer')
  @Column({ name: 'buyer_id', type: 'varchar', length: 36 })
  buyerId: string;

  @Column({ name: 'supplier_id', type: 'varchar', length: 100 })
  supplierId: string;

  @Column({ name: 'category_id', type: 'varchar', length: 100, nullable: true })
  categoryId: string | null;

  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'introduction_id', type: 'varchar', length: 100, nullable: true })
  introductionId: string | null;

  @Column({ type: 'varchar', length: 20 })
  via: InquiryVia;

  @Column({ type: 'varchar', length: 20 })
  status: InquiryStatus;

  /** The member handling it; null while OPEN, or once their account is deleted. */
  @Column({ name: 'claimed_by_id', type: 'varchar', length: 36, nullable: true })
  claimedById: string | null;

  /** The conversation claiming it started. */
  @Column({ name: 'conversation_id', type: 'varchar', length: 36, nullable: true })
  conversationId: string | null;

  /** The member who closed it; null when open or once their account is deleted. */
  @Column({ name: 'closed_by_id', type: 'varchar', length: 36, nullable: true })
  closedById: string | null;

  @Column({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'closed_at', type: Date, nullable: true })
  closedAt: Date | null;
}
