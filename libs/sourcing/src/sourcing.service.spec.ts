import type { NotificationsService } from '#tradegraph/notifications';
import { CategoriesService } from '#tradegraph/categories';
import { loadConfig } from '#tradegraph/config';
import { OrganizationsService } from '#tradegraph/organizations';
import { TrustService } from '#tradegraph/trust';
import { SourcingAnswer } from './models/sourcing-answer.model.js';
import { SourcingRequestStatus } from './models/sourcing-request-status.enum.js';
import { SourcingRequest } from './models/sourcing-request.model.js';
import { SourcingAnswerDraft, SourcingRepository, SourcingRequestDraft } from './sourcing.repository.js';
import { SourcingService } from './sourcing.service.js';

/** Notifications are not under test here: a stand-in that stores and publishes nothing. */
const quietNotifications = {
  notify: async () => undefined,
  notifyMembers: async () => undefined,
} as unknown as NotificationsService;

const ada = { id: 'ada', email: 'ada@x.example' };
const ben = { id: 'ben', email: 'ben@x.example' };
const cleo = { id: 'cleo', email: 'cleo@x.example' };

/** An in-memory stand-in for the repository: ada's request is visible to ben only. */
class InMemorySourcing {
  requests = new Map<string, SourcingRequest>();
  audience = new Map<string, string[]>();
  answers: SourcingAnswerDraft[] = [];
  created: SourcingRequestDraft[] = [];
  closed: string[] = [];
  constructor() {
    this.requests.set('req', {
      id: 'req',
      requesterId: 'ada',
      categoryId: 'metals',
      description: 'Bolts',
      maxDegree: 1,
      neededBy: null,
      status: SourcingRequestStatus.OPEN,
      createdAt: new Date(),
    });
    this.audience.set('req', ['ben']);
  }
  async create(draft: SourcingRequestDraft) {
    this.created.push(draft);
    return { request: { ...draft, status: SourcingRequestStatus.OPEN, createdAt: new Date() }, audienceIds: [] };
  }
  async findVisible(viewerId: string, ids: readonly string[]) {
    return ids
      .map((id) => this.requests.get(id))
      .filter((r): r is SourcingRequest => !!r)
      .filter((r) => r.requesterId === viewerId || this.audience.get(r.id)?.includes(viewerId));
  }
  async hasAnswered(requestId: string, answererId: string, supplierId: string) {
    return this.answers.some(
      (a) => a.requestId === requestId && a.answererId === answererId && a.supplierId === supplierId,
    );
  }
  async createAnswer(draft: SourcingAnswerDraft): Promise<SourcingAnswer> {
    this.answers.push(draft);
    return { ...draft, createdAt: new Date() };
  }
  async close(id: string) {
    this.closed.push(id);
    return { ...this.requests.get(id)!, status: SourcingRequestStatus.CLOSED };
  }
}

const category = (id: string, parentId: string | null) => ({ id, name: id, parentId });
const CATEGORIES = [category('metals', null), category('metals-steel', 'metals'), category('plastics', null)];

function setup() {
  const sourcing = new InMemorySourcing();
  const shortlists: unknown[] = [];
  const categories = new CategoriesService({
    findByIds: async (ids: readonly string[]) => CATEGORIES.filter((c) => ids.includes(c.id)),
  } as never);
  const organizations = {
    findByIds: async (ids: readonly string[]) =>
      ids.filter((id) => ['steel', 'plastic'].includes(id)).map((id) => ({ id, name: id })),
    suppliedCategories: async (ids: readonly string[]) =>
      [
        { organizationId: 'steel', category: CATEGORIES[1] },
        { organizationId: 'plastic', category: CATEGORIES[2] },
      ].filter((row) => ids.includes(row.organizationId)),
  } as unknown as OrganizationsService;
  const trust = {
    supplierShortlist: async (viewer: unknown, args: unknown) => {
      shortlists.push([viewer, args]);
      return { edges: [], totalCount: 0 };
    },
  } as unknown as TrustService;
  const service = new SourcingService(
    sourcing as unknown as SourcingRepository,
    categories,
    organizations,
    trust,
    quietNotifications,
    loadConfig({}),
  );
  return { sourcing, shortlists, service };
}

describe('SourcingService.post', () => {
  it('rejects a neededBy in the past on input.neededBy and creates nothing', async () => {
    const { sourcing, service } = setup();
    const input = { categoryId: 'metals', description: 'Bolts', maxDegree: 1, neededBy: '2000-01-01' };
    await expect(service.post(ada, input)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.neededBy' });
    expect(sourcing.created).toEqual([]);
  });

  it('rejects an unknown category on input.categoryId', async () => {
    const { service } = setup();
    const input = { categoryId: 'nope', description: 'Bolts', maxDegree: 1 };
    await expect(service.post(ada, input)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.categoryId' });
  });
});

describe('SourcingService.answer', () => {
  it('accepts a supplier of a subcategory, storing a blank comment as none', async () => {
    const { sourcing, service } = setup();
    await service.answer(ben, { requestId: 'req', supplierId: 'steel', comment: '' });
    expect(sourcing.answers).toEqual([
      expect.objectContaining({ answererId: 'ben', supplierId: 'steel', comment: null }),
    ]);
  });

  it.each([
    ['a person outside the audience', cleo, 'steel', 'NOT_FOUND'],
    ['the requester', ada, 'steel', 'FORBIDDEN'],
    ['a supplier outside the category', ben, 'plastic', 'BAD_USER_INPUT'],
  ])('refuses %s and stores nothing', async (_who, user, supplierId, code) => {
    const { sourcing, service } = setup();
    await expect(service.answer(user, { requestId: 'req', supplierId })).rejects.toMatchObject({ code });
    expect(sourcing.answers).toEqual([]);
  });

  it('refuses a repeat answer and a closed request with CONFLICT', async () => {
    const { sourcing, service } = setup();
    await service.answer(ben, { requestId: 'req', supplierId: 'steel' });
    await expect(service.answer(ben, { requestId: 'req', supplierId: 'steel' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    sourcing.requests.get('req')!.status = SourcingRequestStatus.CLOSED;
    await expect(service.answer(ben, { requestId: 'req', supplierId: 'steel' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(sourcing.answers).toHaveLength(1);
  });
});

describe('SourcingService.close and suggestedSuppliers', () => {
  it('lets only the requester close, FORBIDDEN for the audience, NOT_FOUND for others', async () => {
    const { sourcing, service } = setup();
    await expect(service.close(ben, 'req')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.close(cleo, 'req')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(sourcing.closed).toEqual([]);
    await expect(service.close(ada, 'req')).resolves.toMatchObject({ status: 'CLOSED' });
  });

  it('asks the trust ranking for the requester only, with maxDegree 2', async () => {
    const { sourcing, shortlists, service } = setup();
    const request = sourcing.requests.get('req')!;
    expect(await service.suggestedSuppliers(ben, request, { first: 5 })).toMatchObject({ edges: [], totalCount: 0 });
    expect(shortlists).toEqual([]);
    await service.suggestedSuppliers(ada, request, { first: 3, after: null });
    expect(shortlists).toEqual([[ada, { categoryId: 'metals', maxDegree: 2, first: 3, after: null }]]);
  });
});
