import { assertPasswordAllowed } from './password-policy.js';

describe('password policy', () => {
  const refused = (password: string, email = 'ann@acme.example') => {
    try {
      assertPasswordAllowed(password, email, 'newPassword');
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  };

  it('refuses short, common (in any letter case) and email-equal passwords, and accepts others', () => {
    expect(refused('short')).toMatch(/10 to 200 characters/);
    expect(refused('Password123')).toMatch(/most common/);
    expect(refused('BASKETBALL')).toMatch(/most common/);
    expect(refused('Ann@Acme.example')).toMatch(/email address/);
    expect(refused('a long enough passphrase')).toBeNull();
  });
});
