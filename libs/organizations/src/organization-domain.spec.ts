import { isFreemail, verifiableEmailDomain, websiteDomain } from './organization-domain.js';

describe('organization domains', () => {
  it('takes the host of the website without www., and none from freemail or unparsable websites', () => {
    expect(websiteDomain('https://www.Acme-Steel.example/about')).toBe('acme-steel.example');
    expect(websiteDomain('http://eu.acme.example')).toBe('eu.acme.example');
    expect(websiteDomain('https://gmail.com')).toBeNull();
    expect(websiteDomain('https://mail.yahoo.com')).toBeNull();
    expect(websiteDomain('not a url')).toBeNull();
    expect(websiteDomain(null)).toBeNull();
  });

  it('verifies with the domain of a company address, never with freemail or its subdomains', () => {
    expect(verifiableEmailDomain('Ann@EU.Acme.example')).toBe('eu.acme.example');
    expect(verifiableEmailDomain('ann@gmail.com')).toBeNull();
    expect(verifiableEmailDomain('ann@gmx.de')).toBeNull();
    expect(isFreemail('inbox.gmail.com')).toBe(true);
    expect(isFreemail('co.uk')).toBe(false);
  });
});
