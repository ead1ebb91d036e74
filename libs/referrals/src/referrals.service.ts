import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CategoriesService } from '#tradegraph/categories';
import { AuthUser, badInput, byKeys, Connection, forbidden, notFound, toConnection } from '#tradegraph/common';
import { NotificationKind, NotificationsService } from '#tradegraph/notifications';
import { OrganizationsService } from '#tradegraph/organizations';
import { ReferSupplierInput } from './dto/refer-supplier.input.js';
import { Referral } from './models/referral.model.js';
import { ReferralPage, ReferralsRepository } from './referrals.repository.js';

@Injectable()
export class ReferralsService {
  constructor(
    private readonly referrals: ReferralsRepository,
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

  /** A page of referrals received by each given person, newest first; null for anyone but the viewer. */
  received(
    viewer: AuthUser,
    personIds: readonly string[],
    first: number,
    offset: number,
  ): Promise<(Connection<Referral> | null)[]> {
    return this.ownPages(viewer, personIds, offset, (own) => this.referrals.receivedPages(own, offset, first));
  }

  /** A page of referrals sent by each given person, newest first; null for anyone but the viewer. */
  sent(
    viewer: AuthUser,
    personIds: readonly string[],
    first: number,
    offset: number,
  ): Promise<(Connection<Referral> | null)[]> {
    return this.ownPages(viewer, personIds, offset, (own) => this.referrals.sentPages(own, offset, first));
  }

  /** Queries only the pages the viewer may list, and answers null for the others. */
  private async ownPages(
    viewer: AuthUser,
    personIds: readonly string[],
    offset: number,
    fetch: (own: string[]) => Promise<ReferralPage[]>,
  ): Promise<(Connection<Referral> | null)[]> {
    const own = personIds.filter((id) => this.mayListReferralsOf(viewer, id));
    const pages = byKeys(personIds, own.length > 0 ? await fetch(own) : [], (page) => page.personId);
    return personIds.map((id, i) =>
      own.includes(id) ? toConnection(pages[i]?.items ?? [], offset, pages[i]?.total ?? 0) : null,
    );
  }

  /**
   * The recipient is someone else, the supplier and category exist, the supplier supplies the category,
   * and the sender may reach the recipient (a direct connection, no block either way). An unknown
   * recipient, an unconnected one and one blocked either way all get the same refusal, so that it
   * reveals no block: a blocked pair sees each other as absent.
   */
  private async requireReferable(senderId: string, input: ReferSupplierInput): Promise<void> {
    if (input.toPersonId === senderId) throw badInput('input.toPersonId', 'You cannot refer a supplier to yourself.');
    const [supplier] = await this.organizations.findByIds([input.supplierId]);
    if (!supplier) throw badInput('input.supplierId', `No organization has the id ${input.supplierId}.`);
    await this.categories.requireAll([input.categoryId], 'input.categoryId');
    const supplied = await this.organizations.suppliedCategories([input.supplierId]);
    if (!supplied.some((row) => row.category.id === input.categoryId)) {
      throw badInput('input.categoryId', `${supplier.name} does not supply the category ${input.categoryId}.`);
    }
    if (!(await this.referrals.mayReach(senderId, input.toPersonId))) throw notReachable();
  }
}

/** The one refusal for a recipient the sender may not reach, whatever the reason. */
const notReachable = () => forbidden('You can refer suppliers only to your direct connections.');
