import { loadConfig } from './app-config.js';

describe('rate-limit configuration', () => {
  it('has the documented defaults', () => {
    const { rateLimits, trustProxy } = loadConfig({});
    expect(rateLimits).toEqual({
      perAddress: { points: 1200, durationSeconds: 60 },
      queriesPerAccount: { points: 600, durationSeconds: 60 },
      networkQueriesPerAccount: { points: 30, durationSeconds: 60 },
      mutationsPerAccount: { points: 30, durationSeconds: 60 },
      sameMutationPerAccount: { points: 10, durationSeconds: 60 },
      registerPerAddress: { points: 10, durationSeconds: 3600 },
      accountEmails: { points: 5, durationSeconds: 3600 },
      login: {
        failuresPerAccount: { points: 5, durationSeconds: 900 },
        failuresPerAddress: { points: 20, durationSeconds: 900 },
        lockoutSeconds: 900,
        delaySeconds: 1,
      },
    });
    expect(trustProxy).toBe(false);
  });

  it('reads COUNT/DURATION limits and durations in s, m or h', () => {
    const { rateLimits } = loadConfig({
      RATE_LIMIT_MUTATIONS_PER_ACCOUNT: '5/10s',
      RATE_LIMIT_REGISTER_PER_ADDRESS: '3 / 2h',
      RATE_LIMIT_LOGIN_LOCKOUT: '90',
      RATE_LIMIT_LOGIN_DELAY: '0s',
    });
    expect(rateLimits.mutationsPerAccount).toEqual({ points: 5, durationSeconds: 10 });
    expect(rateLimits.registerPerAddress).toEqual({ points: 3, durationSeconds: 7200 });
    expect(rateLimits.login.lockoutSeconds).toBe(90);
    expect(rateLimits.login.delaySeconds).toBe(0);
  });

  it('refuses malformed or out-of-range limits, naming each variable', () => {
    expect(() =>
      loadConfig({
        RATE_LIMIT_PER_ADDRESS: 'lots',
        RATE_LIMIT_QUERIES_PER_ACCOUNT: '0/1m',
        RATE_LIMIT_NETWORK_QUERIES_PER_ACCOUNT: '10/2d',
        RATE_LIMIT_LOGIN_LOCKOUT: '0s',
        RATE_LIMIT_LOGIN_DELAY: '25h',
      }),
    ).toThrow(
      expect.objectContaining({
        problems: [
          expect.stringMatching(/^RATE_LIMIT_PER_ADDRESS must be COUNT\/DURATION/),
          expect.stringMatching(/^RATE_LIMIT_QUERIES_PER_ACCOUNT must be COUNT\/DURATION/),
          expect.stringMatching(/^RATE_LIMIT_NETWORK_QUERIES_PER_ACCOUNT must be COUNT\/DURATION/),
          expect.stringMatching(/^RATE_LIMIT_LOGIN_LOCKOUT must be a duration/),
          expect.stringMatching(/^RATE_LIMIT_LOGIN_DELAY must be a duration/),
        ],
      }),
    );
  });

  it('reads TRUST_PROXY as a boolean, a hop count or a list of proxies', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::1' }).trustProxy).toBe('loopback,10.0.0.0/8,fd00::1');
    expect(() => loadConfig({ TRUST_PROXY: 'my-proxy.example' })).toThrow(/TRUST_PROXY must be true, false/);
  });
});
