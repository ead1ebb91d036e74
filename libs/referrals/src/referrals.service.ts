import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CategoriesService } from '#tradegraph/categories';
import { AuthUser, badInput, forbidden, notFound } from '#tradegraph/common';
import { NotificationKind, NotificationsService } from '#tradegraph/notifications';
import { OrganizationsService } from '#tradegraph/organizations';
import { PeopleService } from '#tradegraph/people';
import { ReferSupplierInput } from './dto/refer-supplier.input.js';
import { Referral } from './models/referral.model.js';
import { ReferralsRepository } from './referrals.repository.js';

@Injectable()
export class ReferralsService {
  constructor(
    private readonly referrals: ReferralsRepository,
    private readonly people: PeopleService,
    private readonly organizations: OrganizationsService,
    private readonly categories: CategoriesService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Refers a supplier, in a category it supplies, to one of the caller's direct connections. */
  async refer(user: AuthUser, input: ReferSupplierInput): Promise<Referral> {
    await this.requireReferable(user.id, input);
    const created = await this.referrals.create({
      id: randomUUID(),
      fromId: user.id,
      toId: input.toPersonId,
      supplierId: input.supplierId,
      categoryId: input.categoryId,
      message: input.message || null,
    });
    if (created) {
      await this.notifications.notify(
        [created.toId],
        NotificationKind.REFERRAL_RECEIVED,
        user.id,
        created.id,
        'referred a supplier to you',
      );
      return created;
    }
    // A rule that held a moment ago changed before the write; report which one.
    await this.requireReferable(user.id, input);
    throw notFound('Your profile no longer exists.');
  }

  findByIds(ids: readonly string[]): Promise<Referral[]> {
    return this.referrals.findByIds(ids);
  }

  /** A person's referrals, sent or received, are visible only to that person. */
  mayListReferralsOf(viewer: AuthUser, personId: string): boolean {
    return viewer.id === personId;
  }

  /** Referrals received by the given people, newest first; only the viewer's own are ever returned. */
  async received(viewer: AuthUser, personIds: readonly string[]): Promise<Referral[]> {
    const own = personIds.filter((id) => this.mayListReferralsOf(viewer, id));
    return own.length > 0 ? this.referrals.receivedBy(own) : [];
  }

  /** Referrals sent by the given people, newest first; only the viewer's own are ever returned. */
  async sent(viewer: AuthUser, personIds: readonly string[]): Promise<Referral[]> {
    const own = personIds.filter((id) => this.mayListReferralsOf(viewer, id));
    return own.length > 0 ? this.referrals.sentBy(own) : [];
  }

  /**
   * The recipient is someone else who exists, the supplier and category exist, the supplier supplies
   * the category, the recipient has not blocked the sender, and the sender is directly connected to the recipient.
   */
  private async requireReferable(senderId: string, input: ReferSupplierInput): Promise<void> {
    if (input.toPersonId === senderId) throw badInput('input.toPersonId', 'You cannot refer a supplier to yourself.');
    const [recipient] = await this.people.findByIds([input.toPersonId]);
    if (!recipient) throw badInput('input.toPersonId', `No person has the id ${input.toPersonId}.`);
    const [supplier] = await this.organizations.findByIds([input.supplierId]);
    if (!supplier) throw badInput('input.supplierId', `No organization has the id ${input.supplierId}.`);
    await this.categories.requireAll([input.categoryId], 'input.categoryId');
    const supplied = await this.organizations.suppliedCategories([input.supplierId]);
    if (!supplied.some((row) => row.category.id === input.categoryId)) {
      throw badInput('input.categoryId', `${supplier.name} does not supply the category ${input.categoryId}.`);
    }
    // Generic on purpose: the sender must not learn that the recipient blocked them.
    if (await this.referrals.hasBlocked(input.toPersonId, senderId)) {
      throw forbidden('You cannot send this to that person.');
    }
    if (!(await this.referrals.areConnected(senderId, input.toPersonId))) {
      throw forbidden('You can refer suppliers only to your direct connections.');
    }
  }
}
