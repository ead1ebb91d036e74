import type { NotificationsService } from '#tradegraph/notifications';
import { CategoriesService } from '#tradegraph/categories';
import { OrganizationsService } from '#tradegraph/organizations';
import { EndorsementDraft, EndorsementsRepository } from './endorsements.repository.js';
import { EndorsementsService } from './endorsements.service.js';
import { Endorsement } from './models/endorsement.model.js';

/** Notifications are not under test here: a stand-in that stores and publishes nothing. */
const quietNotifications = {
  notify: async () => undefined,
  notifyMembers: async () => undefined,
  notifySourcingAudience: async () => undefined,
} as unknown as NotificationsService;

const user = { id: 'endorser', email: 'e@x.example' };

/** In-memory stand-ins for the repositories, so the service's rules can be checked alone. */
class InMemoryEndorsements {
  endorsements = new Map<string, Endorsement>();
  members = new Set<string>(); // `${personId}@${organizationId}`
  upserts: EndorsementDraft[] = [];
  deleted: string[] = [];

  async upsert(draft: EndorsementDraft): Promise<{ endorsement: Endorsement; changed: boolean } | null> {
    this.upserts.push(draft);
    const now = new Date();
    const endorsement = { ...draft, createdAt: now, updatedAt: now };
    this.endorsements.set(draft.id, endorsement);
    return { endorsement, changed: true };
  }
  async findByIds(ids: readonly string[]) {
    return ids.flatMap((id) => (this.endorsements.has(id) ? [this.endorsements.get(id)!] : []));
  }
  async delete(id: string, endorserId: string) {
    if (this.endorsements.get(id)?.endorserId !== endorserId) return false;
    this.deleted.push(id);
    return this.endorsements.delete(id);
  }
  async isCurrentMember(personId: string, organizationId: string) {
    return this.members.has(`${personId}@${organizationId}`);
  }
}

const category = (id: string) => ({ id, name: id, parentId: null });

function setup() {
  const endorsements = new InMemoryEndorsements();
  const categories = new CategoriesService({
    findByIds: async (ids: readonly string[]) => ids.filter((id) => id.startsWith('metals')).map(category),
  } as never);
  const organizations = new OrganizationsService(
    {
      findByIds: async (ids: readonly string[]) =>
        ids
          .filter((id) => id === 'supplier')
          .map((id) => ({ id, name: 'Supplier', country: 'DE', roles: [], website: null, description: null })),
      suppliedCategories: async (ids: readonly string[]) =>
        ids.includes('supplier') ? [{ organizationId: 'supplier', category: category('metals-steel') }] : [],
    } as never,
    categories,
  );
  const service = new EndorsementsService(
    endorsements as unknown as EndorsementsRepository,
    organizations,
    categories,
    quietNotifications,
  );
  return { endorsements, service };
}

const input = (overrides: Partial<{ supplierId: string; categoryId: string; comment: string | null }> = {}) => ({
  supplierId: 'supplier',
  categoryId: 'metals-steel',
  rating: 4,
  ...overrides,
});

describe('EndorsementsService.endorse', () => {
  it('writes the caller’s endorsement, storing a blank comment as none', async () => {
    const { endorsements, service } = setup();
    const endorsement = await service.endorse(user, input({ comment: '' }));
    expect(endorsement).toMatchObject({ endorserId: 'endorser', supplierId: 'supplier', rating: 4, comment: null });
    expect(endorsements.upserts).toHaveLength(1);
  });

  it.each([
    [{ supplierId: 'nobody' }, 'input.supplierId'],
    [{ categoryId: 'unknown' }, 'input.categoryId'],
    [{ categoryId: 'metals-fasteners' }, 'input.categoryId'],
  ])('rejects %p with BAD_USER_INPUT on %s and writes nothing', async (overrides, field) => {
    const { endorsements, service } = setup();
    await expect(service.endorse(user, input(overrides))).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(endorsements.upserts).toEqual([]);
  });

  it('forbids a current member of the supplier and writes nothing', async () => {
    const { endorsements, service } = setup();
    endorsements.members.add('endorser@supplier');
    await expect(service.endorse(user, input())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(endorsements.upserts).toEqual([]);
  });

  it('reports the rule that stopped the write when it changed after the first check', async () => {
    const { endorsements, service } = setup();
    // The endorser is approved as a member between the check and the write, which then refuses.
    endorsements.upsert = async () => {
      endorsements.members.add('endorser@supplier');
      return null;
    };
    await expect(service.endorse(user, input())).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('EndorsementsService.retract', () => {
  const stored = (endorsements: InMemoryEndorsements) => {
    const now = new Date();
    endorsements.endorsements.set('e1', {
      id: 'e1',
      endorserId: 'endorser',
      supplierId: 'supplier',
      categoryId: 'metals-steel',
      rating: 5,
      comment: null,
      createdAt: now,
      updatedAt: now,
    });
  };

  it('lets the endorser delete their endorsement', async () => {
    const { endorsements, service } = setup();
    stored(endorsements);
    expect(await service.retract(user, 'e1')).toBe(true);
    expect(endorsements.deleted).toEqual(['e1']);
  });

  it('forbids anyone else and deletes nothing', async () => {
    const { endorsements, service } = setup();
    stored(endorsements);
    await expect(service.retract({ id: 'someone', email: 's@x.example' }, 'e1')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(endorsements.deleted).toEqual([]);
  });

  it('answers NOT_FOUND on endorsementId for an unknown endorsement', async () => {
    const { service } = setup();
    await expect(service.retract(user, 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'endorsementId' });
  });
});
