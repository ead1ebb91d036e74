import type { NotificationsService } from '#tradegraph/notifications';
import { AuthUser } from '#tradegraph/common';
import { PeopleService, Person } from '#tradegraph/people';
import { ConnectionRequestStatus } from './models/connection-request-status.enum.js';
import { ConnectionRequest } from './models/connection-request.model.js';
import { NetworkRepository } from './network.repository.js';
import { NetworkService } from './network.service.js';

/** Notifications are not under test here: a stand-in that stores and publishes nothing. */
const quietNotifications = {
  notify: async () => undefined,
  notifyMembers: async () => undefined,
  notifySourcingAudience: async () => undefined,
} as unknown as NotificationsService;

const ann: AuthUser = { id: 'ann', email: 'ann@x.example' };
const bob: AuthUser = { id: 'bob', email: 'bob@x.example' };
const cem: AuthUser = { id: 'cem', email: 'cem@x.example' };
const person = (id: string): Person => ({ id, name: id, headline: null, country: null });
const pending = (fromId: string, toId: string): ConnectionRequest => ({
  id: `${fromId}->${toId}`,
  fromId,
  toId,
  message: null,
  status: ConnectionRequestStatus.PENDING,
  createdAt: new Date(),
});

/** A scripted stand-in for the repository that records the writes it is asked for. */
class FakeRepository {
  requests = new Map<string, ConnectionRequest>();
  created: unknown[] = [];
  writes: string[] = [];
  createResult: ConnectionRequest | null = null;
  state = { found: true, connected: false, pending: false };
  degreeRows: { personId: string; degree: number }[] = [];
  degreeCalls: (readonly string[])[] = [];
  async createRequest(request: unknown) {
    this.created.push(request);
    return this.createResult;
  }
  async pairState() {
    return this.state;
  }
  async findRequestsByIds(ids: readonly string[]) {
    return ids.flatMap((id) => (this.requests.has(id) ? [this.requests.get(id)!] : []));
  }
  async respond(id: string, accept: boolean) {
    this.writes.push(`respond ${id} ${accept}`);
    return null;
  }
  async withdraw(id: string) {
    this.writes.push(`withdraw ${id}`);
    return null;
  }
  async removeConnection() {
    return false;
  }
  async shortestPaths(_from: string, toId: string) {
    const on = (id: string, nameable = true) => ({ id, nameable, connectionsVisible: true });
    if (toId === 'nobody') return { found: false, candidates: [] };
    if (toId === 'far') return { found: true, candidates: [] };
    // Through 'ben', whom the viewer may not see, or through 'bob'.
    return {
      found: true,
      candidates: [
        [on('ann'), on('ben', false), on(toId)],
        [on('ann'), on('bob'), on(toId)],
      ],
    };
  }
  async degrees(_viewerId: string, ids: readonly string[]) {
    this.degreeCalls.push(ids);
    return this.degreeRows;
  }
  incomingPageCalls: (readonly string[])[] = [];
  async incomingRequestPages(ids: readonly string[]) {
    this.incomingPageCalls.push(ids);
    return ids.map((personId) => {
      const items = [...this.requests.values()].filter((r) => r.toId === personId);
      return { personId, total: items.length, items };
    });
  }
}

const setup = () => {
  const repository = new FakeRepository();
  const people = { get: async (id: string) => person(id) } as unknown as PeopleService;
  return {
    repository,
    service: new NetworkService(repository as unknown as NetworkRepository, people, quietNotifications),
  };
};

describe('NetworkService', () => {
  it('refuses a request to oneself before touching the graph', async () => {
    const { repository, service } = setup();
    await expect(service.request(ann, 'ann')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'personId' });
    expect(repository.created).toEqual([]);
  });

  it('stores an empty message as none', async () => {
    const { repository, service } = setup();
    repository.createResult = pending('ann', 'bob');
    await service.request(ann, 'bob', '');
    expect(repository.created).toEqual([expect.objectContaining({ fromId: 'ann', toId: 'bob', message: null })]);
  });

  it.each([
    [{ found: false, connected: false, pending: false }, 'NOT_FOUND'],
    [{ found: true, connected: true, pending: false }, 'CONFLICT'],
    [{ found: true, connected: false, pending: true }, 'CONFLICT'],
  ])('explains a request that created nothing (%p) with %s on personId', async (state, code) => {
    const { repository, service } = setup();
    repository.state = state;
    await expect(service.request(ann, 'bob')).rejects.toMatchObject({ code, field: 'personId' });
  });

  it('lets only the recipient respond and only the sender withdraw, writing nothing otherwise', async () => {
    const { repository, service } = setup();
    repository.requests.set('ann->bob', pending('ann', 'bob'));
    for (const actor of [ann, cem]) {
      await expect(service.respond(actor, 'ann->bob', true)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    for (const actor of [bob, cem]) {
      await expect(service.withdraw(actor, 'ann->bob')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(repository.writes).toEqual([]);
  });

  it('answers CONFLICT for a request that is not PENDING, or stopped being so meanwhile', async () => {
    const { repository, service } = setup();
    repository.requests.set('ann->bob', { ...pending('ann', 'bob'), status: ConnectionRequestStatus.DECLINED });
    await expect(service.respond(bob, 'ann->bob', true)).rejects.toMatchObject({
      code: 'CONFLICT',
      field: 'requestId',
    });
    await expect(service.withdraw(ann, 'ann->bob')).rejects.toMatchObject({ code: 'CONFLICT', field: 'requestId' });
    expect(repository.writes).toEqual([]);

    // Still PENDING when read, but another response won the race (the repository returns null).
    repository.requests.set('cem->bob', pending('cem', 'bob'));
    await expect(service.respond(bob, 'cem->bob', false)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(repository.writes).toEqual(['respond cem->bob false']);
  });

  it('answers NOT_FOUND for unknown requests and for removing a connection that does not exist', async () => {
    const { service } = setup();
    await expect(service.respond(bob, 'nope', true)).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'requestId' });
    await expect(service.withdraw(bob, 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'requestId' });
    await expect(service.removeConnection(ann, 'bob')).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'personId' });
  });

  it('derives path degrees from the people on the path, preferring a fully visible path', async () => {
    const { service } = setup();
    expect(await service.path(ann, 'ann', 6)).toEqual({ degree: 0, personIds: ['ann'] });
    expect(await service.path(ann, 'cem', 6)).toEqual({ degree: 2, personIds: ['ann', 'bob', 'cem'] });
    expect(await service.path(ann, 'far', 6)).toBeNull();
    await expect(service.path(ann, 'nobody', 6)).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'toPersonId' });
  });

  it('reports degree 0 for the viewer without a query, and null for people out of reach', async () => {
    const { repository, service } = setup();
    repository.degreeRows = [{ personId: 'bob', degree: 2 }];
    expect(await service.degrees(ann, ['bob', 'ann', 'cem'])).toEqual([2, 0, null]);
    expect(repository.degreeCalls).toEqual([['bob', 'cem']]);
    expect(await service.degrees(ann, ['ann'])).toEqual([0]);
    expect(repository.degreeCalls).toHaveLength(1);
  });

  it('shows pending requests on the viewer’s own Person only', async () => {
    const { repository, service } = setup();
    const toBob = pending('ann', 'bob');
    repository.requests.set(toBob.id, toBob);
    repository.requests.set('cem->ann', pending('cem', 'ann'));
    const [forAnn, own] = await service.incomingRequests(bob, ['ann', 'bob'], 20, 0);
    expect(forAnn).toBeNull();
    expect(own?.edges.map((edge) => edge.node)).toEqual([toBob]);
    expect(own?.totalCount).toBe(1);
    expect(await service.incomingRequests(bob, ['ann'], 20, 0)).toEqual([null]);
    expect(repository.incomingPageCalls).toEqual([['bob']]);
  });
});
