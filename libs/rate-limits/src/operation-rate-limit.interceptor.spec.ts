import { checksFor } from './operation-rate-limit.interceptor.js';

describe('checksFor', () => {
  it('counts a signed-in query by address and account, and a network search on its own limit too', () => {
    expect(checksFor('Query', 'me', '10.0.0.1', 'a1')).toEqual([
      { limit: 'perAddress', key: '10.0.0.1' },
      { limit: 'queriesPerAccount', key: 'a1' },
    ]);
    expect(checksFor('Query', 'connectionPath', '10.0.0.1', 'a1')).toContainEqual({
      limit: 'networkQueriesPerAccount',
      key: 'a1',
      points: 1,
    });
    expect(checksFor('Query', 'sourcingRequest', undefined, 'a1', 2)).toEqual([
      { limit: 'queriesPerAccount', key: 'a1' },
      { limit: 'networkQueriesPerAccount', key: 'a1', points: 2 },
    ]);
  });

  it('counts a mutation by account and by account and mutation', () => {
    expect(checksFor('Mutation', 'endorseSupplier', undefined, 'a1')).toEqual([
      { limit: 'mutationsPerAccount', key: 'a1' },
      { limit: 'sameMutationPerAccount', key: 'a1:endorseSupplier' },
    ]);
  });

  it('counts a reset mail by the client and by the address it goes to', () => {
    expect(checksFor('Mutation', 'requestPasswordReset', '10.0.0.1', undefined, 0, 'hash')).toEqual([
      { limit: 'perAddress', key: '10.0.0.1' },
      { limit: 'accountEmails', key: 'requestPasswordReset:10.0.0.1' },
      { limit: 'accountEmails', key: 'requestPasswordReset:to:hash' },
    ]);
  });

  it('counts register by address, and leaves login to the login lockout', () => {
    expect(checksFor('Mutation', 'register', '10.0.0.1', undefined)).toEqual([
      { limit: 'perAddress', key: '10.0.0.1' },
      { limit: 'registerPerAddress', key: '10.0.0.1' },
    ]);
    expect(checksFor('Mutation', 'login', '10.0.0.1', 'a1')).toEqual([{ limit: 'perAddress', key: '10.0.0.1' }]);
  });
});
