import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CategoriesService } from '#tradegraph/categories';
import { AuthUser, badInput, Connection, forbidden, notFound, toConnection } from '#tradegraph/common';
import { NotificationKind, NotificationsService } from '#tradegraph/notifications';
import { OrganizationsService } from '#tradegraph/organizations';
import { EndorseSupplierInput } from './dto/endorse-supplier.input.js';
import { EndorsementsRepository } from './endorsements.repository.js';
import { Endorsement } from './models/endorsement.model.js';

@Injectable()
export class EndorsementsService {
  constructor(
    private readonly endorsements: EndorsementsRepository,
    private readonly organizations: OrganizationsService,
    private readonly categories: CategoriesService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Endorses a supplier in a category it supplies, or updates the caller's earlier endorsement there;
   * its members are notified when it is new or its rating or comment changed.
   */
  async endorse(user: AuthUser, input: EndorseSupplierInput): Promise<Endorsement> {
    await this.requireEndorsable(user.id, input.supplierId, input.categoryId);
    const saved = await this.endorsements.upsert({
      id: randomUUID(),
      endorserId: user.id,
      supplierId: input.supplierId,
      categoryId: input.categoryId,
      rating: input.rating,
      comment: input.comment || null,
    });
    if (saved) {
      // Only a new endorsement or a changed one is news; an identical repeat notifies nobody.
      if (saved.changed) {
        await this.notifications.notifyMembers(
          input.supplierId,
          NotificationKind.ORGANIZATION_ENDORSED,
          user.id,
          saved.endorsement.id,
          'endorsed your organization',
        );
      }
      return saved.endorsement;
    }
    // A rule that held a moment ago changed before the write; report which one.
    await this.requireEndorsable(user.id, input.supplierId, input.categoryId);
    throw notFound('Your profile no longer exists.');
  }

  /** Only the endorser may retract an endorsement; it is deleted. */
  async retract(user: AuthUser, endorsementId: string): Promise<boolean> {
    const endorsement = await this.get(endorsementId);
    if (endorsement.endorserId !== user.id) throw forbidden('Only the endorser may retract this endorsement.');
    if (!(await this.endorsements.delete(endorsementId, user.id))) throw missing(endorsementId);
    return true;
  }

  async get(id: string): Promise<Endorsement> {
    const [endorsement] = await this.endorsements.findByIds([id]);
    if (!endorsement) throw missing(id);
    return endorsement;
  }

  findByIds(ids: readonly string[]): Promise<Endorsement[]> {
    return this.endorsements.findByIds(ids);
  }

  /** Whether each endorsement is backed by a confirmed trade the viewer can see (see the repository). */
  async verified(viewer: AuthUser, ids: readonly string[]): Promise<Map<string, boolean>> {
    const rows = await this.endorsements.verified(ids, viewer.id);
    return new Map(rows.map((row) => [row.id, row.verified]));
  }

  /** A supplier's endorsements, optionally in one category, most recently updated first. */
  async forSupplier(
    supplierId: string,
    categoryId: string | null,
    first: number,
    offset: number,
  ): Promise<Connection<Endorsement>> {
    const page = await this.endorsements.pageBySupplier(supplierId, categoryId, offset, first);
    return toConnection(page.items, offset, page.total);
  }

  /**
   * The supplier and category exist, the supplier supplies the category, and the person is not
   * one of the supplier's current members (nobody endorses their own employer).
   */
  private async requireEndorsable(personId: string, supplierId: string, categoryId: string): Promise<void> {
    const [supplier] = await this.organizations.findByIds([supplierId]);
    if (!supplier) throw badInput('input.supplierId', `No organization has the id ${supplierId}.`);
    await this.categories.requireAll([categoryId], 'input.categoryId');
    const supplied = await this.organizations.suppliedCategories([supplierId]);
    if (!supplied.some((row) => row.category.id === categoryId)) {
      throw badInput('input.categoryId', `${supplier.name} does not supply the category ${categoryId}.`);
    }
    if (await this.endorsements.isCurrentMember(personId, supplierId)) {
      throw forbidden('A current member of an organization cannot endorse it.');
    }
  }
}

function missing(endorsementId: string) {
  return notFound(`No endorsement has the id ${endorsementId}.`, 'endorsementId');
}
