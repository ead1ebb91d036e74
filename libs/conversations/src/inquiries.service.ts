import { Injectable } from '@nestjs/common';
import { AuthUser, badInput, conflict, Connection, forbidden, notFound, toConnection } from '#tradegraph/common';
import { NotificationKind, NotificationsService } from '#tradegraph/notifications';
import { PolicyService } from '#tradegraph/policy';
import { DataSource } from 'typeorm';
import { ConversationsGraphRepository } from './conversations-graph.repository.js';
import { ConversationsService } from './conversations.service.js';
import { SendInquiryInput } from './dto/send-inquiry.input.js';
import { InquiriesRepository } from './inquiries.repository.js';
import { Inquiry } from './models/inquiry.model.js';
import { InquiryStatus } from './models/inquiry-status.enum.js';
import { InquiryVia } from './models/inquiry-via.enum.js';

const inquiryNotFound = () => notFound('No such inquiry in your organization’s inbox.', 'inquiryId');
const noLongerOpen = () => conflict('The inquiry is no longer open.', 'inquiryId');

@Injectable()
export class InquiriesService {
  constructor(
    private readonly inquiries: InquiriesRepository,
    private readonly graph: ConversationsGraphRepository,
    private readonly conversations: ConversationsService,
    private readonly policy: PolicyService,
    private readonly notifications: NotificationsService,
    private readonly sql: DataSource,
  ) {}

  /**
   * Puts a buyer's question in the supplier's shared inbox, marked by how the buyer reached the supplier,
   * and notifies the members who accept inquiries (not those blocked either way with the buyer).
   */
  async send(user: AuthUser, input: SendInquiryInput): Promise<Inquiry> {
    const introductionId = input.introductionId ?? null;
    const context = await this.graph.inquiryContext(
      user.id,
      input.supplierId,
      input.categoryId ?? null,
      introductionId,
    );
    if (!context.supplierFound) throw notFound('No such supplier.', 'input.supplierId');
    if (!context.categoryFound) throw notFound('No such category.', 'input.categoryId');
    if (context.buyerIsMember)
      throw badInput('input.supplierId', 'You cannot send an inquiry to your own organization.');
    if (introductionId !== null && !context.introductionValid) {
      throw badInput(
        'input.introductionId',
        'The introduction must be an accepted one you requested, about this supplier or to one of its members.',
      );
    }
    if (context.acceptingMemberIds.length === 0) throw forbidden('This supplier does not accept inquiries.');
    const via = context.introductionValid
      ? InquiryVia.INTRODUCTION
      : context.inNetwork
        ? InquiryVia.NETWORK
        : InquiryVia.DIRECT;
    const inquiry = await this.inquiries.create({
      buyerId: user.id,
      supplierId: input.supplierId,
      categoryId: input.categoryId ?? null,
      subject: input.subject,
      text: input.text,
      introductionId,
      via,
    });
    const name = (await this.graph.organizationName(input.supplierId)) ?? 'your organization';
    await this.notifications.notify(
      context.acceptingMemberIds,
      NotificationKind.INQUIRY_RECEIVED,
      user.id,
      inquiry.id,
      `asked ${name} a question`,
    );
    return inquiry;
  }

  /** The inbox is shared by the supplier's current members; null for anyone else. */
  async inbox(
    viewer: AuthUser,
    supplierId: string,
    status: InquiryStatus | null,
    first: number,
    offset: number,
  ): Promise<Connection<Inquiry> | null> {
    const { member } = await this.graph.membership(viewer.id, supplierId);
    if (!member) return null;
    const hidden = await this.policy.blockedWith(viewer.id);
    const page = await this.inquiries.page(supplierId, status, hidden, offset, first);
    return toConnection(page.items, offset, page.total);
  }

  /**
   * A member takes the inquiry on: it becomes a conversation between the buyer and them. An inquiry claimed
   * by someone who no longer works at the supplier (or deleted their account) would otherwise stay CLAIMED
   * with nobody to answer it, so another current member may take it over (in a new conversation: the old one
   * stays between the buyer and the former member). Membership and blocks live in the graph, which shares no
   * transaction with SQL: they are read right before the write; the inquiry's state is then checked again
   * inside the SQL transaction that claims it (the row locked on PostgreSQL, and the claim conditional on
   * OPEN, or on the same abandoned claimer), so of concurrent claims exactly one wins.
   */
  async claim(user: AuthUser, inquiryId: string): Promise<Inquiry> {
    const inquiry = await this.inboxItem(user, inquiryId);
    const { acceptsInquiries } = await this.graph.membership(user.id, inquiry.supplierId);
    if (!acceptsInquiries) throw forbidden('You do not accept inquiries (see your privacy settings).');
    const abandoned = await this.abandonedClaim(inquiry);
    return this.sql.transaction(async (tx) => {
      const current = await this.inquiries.findLocked(tx, inquiryId);
      if (!current) throw inquiryNotFound();
      const open = current.status === InquiryStatus.OPEN;
      const takeover =
        current.status === InquiryStatus.CLAIMED && abandoned !== undefined && current.claimedById === abandoned;
      if (!open && !takeover) throw noLongerOpen();
      const from = open ? null : { abandonedBy: current.claimedById };
      if (!(await this.inquiries.markClaimed(tx, inquiryId, user.id, from))) throw noLongerOpen();
      const { id } = await this.conversations.startForInquiry(tx, current, user.id);
      return this.inquiries.setConversation(tx, inquiryId, id);
    });
  }

  /**
   * For a CLAIMED inquiry whose claimer is gone from the supplier: that claimer's id, or null when their
   * account was deleted. Undefined when the inquiry is not claimed or its claimer still works there.
   */
  private async abandonedClaim(inquiry: Inquiry): Promise<string | null | undefined> {
    if (inquiry.status !== InquiryStatus.CLAIMED) return undefined;
    if (inquiry.claimedById === null) return null;
    const { member } = await this.graph.membership(inquiry.claimedById, inquiry.supplierId);
    return member ? undefined : inquiry.claimedById;
  }

  /** Closes an inquiry of the member's organization; its state is checked inside the closing transaction, as for claim. */
  async close(user: AuthUser, inquiryId: string): Promise<Inquiry> {
    await this.inboxItem(user, inquiryId);
    return this.sql.transaction(async (tx) => {
      const current = await this.inquiries.findLocked(tx, inquiryId);
      if (!current) throw inquiryNotFound();
      const closed =
        current.status === InquiryStatus.CLOSED ? null : await this.inquiries.markClosed(tx, inquiryId, user.id);
      if (!closed) throw conflict('The inquiry is already closed.', 'inquiryId');
      return closed;
    });
  }

  /** Whether the viewer may open the inquiry's conversation: they take part in it. */
  async conversationFor(viewer: AuthUser, inquiry: Inquiry) {
    if (!inquiry.conversationId) return null;
    if (!(await this.conversations.isParticipant(viewer.id, inquiry.conversationId))) return null;
    return this.conversations.find(viewer, inquiry.conversationId);
  }

  /** An inquiry in the inbox of a supplier the viewer currently works at, from a buyer not blocked either way. */
  private async inboxItem(viewer: AuthUser, inquiryId: string): Promise<Inquiry> {
    const inquiry = await this.inquiries.find(inquiryId);
    if (!inquiry) throw inquiryNotFound();
    const { member } = await this.graph.membership(viewer.id, inquiry.supplierId);
    if (!member || (await this.policy.blockedBetween(viewer.id, inquiry.buyerId))) throw inquiryNotFound();
    return inquiry;
  }
}
