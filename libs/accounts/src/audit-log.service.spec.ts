import { redactSecrets } from './audit-log.service.js';

describe('redactSecrets', () => {
  it('replaces passwords and tokens at any depth and keeps everything else', () => {
    expect(
      redactSecrets({
        input: { email: 'a@b.example', password: 'hunter2hunter2', nested: [{ refreshToken: 'r' }] },
        refreshToken: 'token',
        id: 'x',
      }),
    ).toEqual({
      input: { email: 'a@b.example', password: '[redacted]', nested: [{ refreshToken: '[redacted]' }] },
      refreshToken: '[redacted]',
      id: 'x',
    });
  });

  it('recognises secrets by any name that contains password, token or secret', () => {
    expect(
      redactSecrets({ newPassword: 'a', passwordConfirmation: 'b', accessToken: 'c', clientSecret: 'd', name: 'e' }),
    ).toEqual({
      newPassword: '[redacted]',
      passwordConfirmation: '[redacted]',
      accessToken: '[redacted]',
      clientSecret: '[redacted]',
      name: 'e',
    });
  });
});
