import { verifiableEmailDomain } from './organization-domain.js';

describe('organization domains', () => {
  it('verifies with the domain of a company address, never with freemail, a public suffix or an IP address', () => {
    expect(verifiableEmailDomain('Ann@EU.Acme.example')).toBe('eu.acme.example');
    expect(verifiableEmailDomain('ann@acme.co.uk')).toBe('acme.co.uk');
    expect(verifiableEmailDomain('ann@gmail.com')).toBeNull();
    expect(verifiableEmailDomain('ann@gmx.de')).toBeNull();
    expect(verifiableEmailDomain('ann@co.uk')).toBeNull();
    expect(verifiableEmailDomain('ann@github.io')).toBeNull();
    expect(verifiableEmailDomain('ann@localhost')).toBeNull();
    expect(verifiableEmailDomain('ann@127.0.0.1')).toBeNull();
  });
});
