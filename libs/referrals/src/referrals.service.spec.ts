import type { NotificationsService } from '#tradegraph/notifications';
import { CategoriesService } from '#tradegraph/categories';
import { OrganizationsService } from '#tradegraph/organizations';
import { Referral } from './models/referral.model.js';
import { ReferralDraft, ReferralsRepository } from './referrals.repository.js';
import { ReferralsService } from './referrals.service.js';

/** Notifications are not under test here: a stand-in that stores and publishes nothing. */
const quietNotifications = {
  notify: async () => undefined,
  notifyMembers: async () => undefined,
  notifySourcingAudience: async () => undefined,
} as unknown as NotificationsService;

const sender = { id: 'ada', email: 'ada@x.example' };
const NOT_REACHABLE = 'You can refer suppliers only to your direct connections.';

/** An in-memory stand-in for the repository, so the service's rules can be checked alone. */
class InMemoryReferrals {
  connections = new Set<string>(['ada-ben']);
  created: ReferralDraft[] = [];
  listed: string[][] = [];
  async create(draft: ReferralDraft): Promise<Referral> {
    this.created.push(draft);
    return { ...draft, createdAt: new Date() };
  }
  blocks = new Set<string>();
  /** Connected (either direction) and no block either way, like the repository's statement. */
  async mayReach(a: string, b: string) {
    const connected = this.connections.has(`${a}-${b}`) || this.connections.has(`${b}-${a}`);
    return connected && !this.blocks.has(`${a}>${b}`) && !this.blocks.has(`${b}>${a}`);
  }
  async receivedPages(personIds: readonly string[]) {
    this.listed.push([...personIds]);
    return [];
  }
  async sentPages(personIds: readonly string[]) {
    this.listed.push([...personIds]);
    return [];
  }
}

const category = (id: string) => ({ id, name: id, parentId: null });

function setup() {
  const referrals = new InMemoryReferrals();
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
  const service = new ReferralsService(
    referrals as unknown as ReferralsRepository,
    organizations,
    categories,
    quietNotifications,
  );
  return { referrals, service };
}

const input = (overrides: Partial<{ supplierId: string; toPersonId: string; categoryId: string }> = {}) => ({
  supplierId: 'supplier',
  toPersonId: 'ben',
  categoryId: 'metals-steel',
  message: '',
  ...overrides,
});

describe('ReferralsService.refer', () => {
  it('creates the referral from the caller, storing a blank message as none', async () => {
    const { referrals, service } = setup();
    const referral = await service.refer(sender, input());
    expect(referral).toMatchObject({ fromId: 'ada', toId: 'ben', supplierId: 'supplier', message: null });
    expect(referrals.created).toHaveLength(1);
  });

  it('rejects a referral to oneself on input.toPersonId', async () => {
    const { referrals, service } = setup();
    await expect(service.refer(sender, input({ toPersonId: 'ada' }))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.toPersonId',
    });
    expect(referrals.created).toEqual([]);
  });

  it.each([
    [{ supplierId: 'nobody' }, 'input.supplierId'],
    [{ categoryId: 'unknown' }, 'input.categoryId'],
    [{ categoryId: 'metals-fasteners' }, 'input.categoryId'],
  ])('rejects %p with BAD_USER_INPUT on %s and creates nothing', async (overrides, field) => {
    const { referrals, service } = setup();
    await expect(service.refer(sender, input(overrides))).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(referrals.created).toEqual([]);
  });

  it('forbids referring to someone who is not a direct connection', async () => {
    const { referrals, service } = setup();
    await expect(service.refer(sender, input({ toPersonId: 'cleo' }))).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: NOT_REACHABLE,
    });
    expect(referrals.created).toEqual([]);
  });

  it.each([
    ['the recipient blocked the sender', 'ben>ada', 'ben'],
    ['the sender blocked the recipient', 'ada>ben', 'ben'],
    ['the recipient does not exist', null, 'nobody'],
  ])('refuses exactly as for an unconnected person when %s', async (_case, block, toPersonId) => {
    const { referrals, service } = setup();
    if (block) referrals.blocks.add(block);
    const refusal = await service.refer(sender, input({ toPersonId })).catch((error: unknown) => error);
    const unconnected = await service.refer(sender, input({ toPersonId: 'cleo' })).catch((error: unknown) => error);
    expect(refusal).toEqual(unconnected);
    expect(refusal).toMatchObject({ code: 'FORBIDDEN', message: NOT_REACHABLE, field: undefined });
    expect(referrals.created).toEqual([]);
  });
});

describe('ReferralsService listings', () => {
  it('lets only the person themself list their referrals, and never queries anyone else’s', async () => {
    const { referrals, service } = setup();
    expect(service.mayListReferralsOf(sender, 'ada')).toBe(true);
    expect(service.mayListReferralsOf(sender, 'ben')).toBe(false);
    const received = await service.received(sender, ['ben', 'ada'], 20, 0);
    expect(received.map((page) => page?.totalCount ?? null)).toEqual([null, 0]);
    expect(await service.sent(sender, ['cleo'], 20, 0)).toEqual([null]);
    expect(referrals.listed).toEqual([['ada']]);
  });
});
