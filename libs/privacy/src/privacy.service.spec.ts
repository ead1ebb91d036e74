import { BlockingRepository } from './blocking.repository.js';
import { BlockingService } from './blocking.service.js';
import { ConnectionsVisibility } from './models/connections-visibility.enum.js';
import { PrivacyRepository } from './privacy.repository.js';
import { PrivacyService } from './privacy.service.js';

const viewer = { id: 'ada', email: 'ada@x.example' };

describe('PrivacyService', () => {
  it('returns the viewer’s own settings and null for anyone else, without querying others', async () => {
    const queried: string[][] = [];
    const repository = {
      settings: async (ids: readonly string[]) => {
        queried.push([...ids]);
        return ids.map((personId) => ({
          personId,
          connectionsVisibility: ConnectionsVisibility.ONLY_ME,
          appearInNetworkSearches: false,
          acceptInquiries: true,
        }));
      },
    };
    const service = new PrivacyService(repository as unknown as PrivacyRepository);
    expect(await service.settings(viewer, ['ben', 'ada'])).toEqual([
      null,
      { connectionsVisibility: ConnectionsVisibility.ONLY_ME, appearInNetworkSearches: false, acceptInquiries: true },
    ]);
    expect(queried).toEqual([['ada']]);
  });

  it('passes omitted settings as null so that the stored values stay', async () => {
    const changes: unknown[] = [];
    const repository = {
      update: async (_id: string, change: unknown) => {
        changes.push(change);
        return { connectionsVisibility: ConnectionsVisibility.EVERYONE, appearInNetworkSearches: false };
      },
    };
    const service = new PrivacyService(repository as unknown as PrivacyRepository);
    await service.update(viewer, { appearInNetworkSearches: false });
    expect(changes).toEqual([{ connectionsVisibility: null, appearInNetworkSearches: false, acceptInquiries: null }]);
  });
});

describe('BlockingService', () => {
  const setup = () => {
    const calls: string[] = [];
    const repository = {
      block: async (a: string, b: string) => (calls.push(`block ${a} ${b}`), b !== 'nobody'),
      unblock: async (a: string, b: string) => (calls.push(`unblock ${a} ${b}`), b !== 'nobody'),
      blockedPages: async (ids: readonly string[]) => (
        calls.push(`blockedPages ${ids.join(' ')}`),
        ids.map((personId) => ({
          personId,
          total: 1,
          items: [{ id: 'ben', name: 'Ben', headline: null, country: null }],
        }))
      ),
    };
    return { calls, service: new BlockingService(repository as unknown as BlockingRepository) };
  };

  it('refuses to block oneself on personId before writing anything', async () => {
    const { calls, service } = setup();
    await expect(service.block(viewer, 'ada')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'personId' });
    expect(calls).toEqual([]);
  });

  it('answers true for an unknown person, as for one who blocked the caller (who looks absent to them)', async () => {
    const { calls, service } = setup();
    await expect(service.block(viewer, 'nobody')).resolves.toBe(true);
    await expect(service.unblock(viewer, 'nobody')).resolves.toBe(true);
    expect(calls).toEqual(['block ada nobody', 'unblock ada nobody']);
  });

  it('lists blocked people only on the viewer’s own Person', async () => {
    const { calls, service } = setup();
    const [others, own] = await service.blockedPeople(viewer, ['ben', 'ada'], 20, 0);
    expect(others).toBeNull();
    expect(own?.edges.map((edge) => edge.node)).toEqual([{ id: 'ben', name: 'Ben', headline: null, country: null }]);
    expect(own?.totalCount).toBe(1);
    expect(calls).toEqual(['blockedPages ada']);
  });
});
