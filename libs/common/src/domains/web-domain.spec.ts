import { isFreemail, registrableDomain, websiteDomain, websiteHost } from './web-domain.js';

describe('web domains', () => {
  it('takes the registrable domain of the website, and none from freemail or unparsable websites', () => {
    expect(websiteDomain('https://www.Acme-Steel.example/about')).toBe('acme-steel.example');
    expect(websiteDomain('http://eu.acme.example')).toBe('acme.example');
    expect(websiteDomain('https://www.acme.co.uk')).toBe('acme.co.uk');
    expect(websiteDomain('https://shop.acme.co.uk:8443/en')).toBe('acme.co.uk');
    expect(websiteDomain('https://gmail.com')).toBeNull();
    expect(websiteDomain('https://mail.yahoo.com')).toBeNull();
    expect(websiteDomain('outlook.com')).toBeNull();
    expect(websiteDomain('not a url')).toBeNull();
    expect(websiteDomain(null)).toBeNull();
  });

  it('gives no domain for a public suffix, an IP address or localhost', () => {
    for (const website of [
      'https://co.uk',
      'https://www.co.uk/',
      'https://github.io',
      'http://127.0.0.1:8080/',
      'http://[::1]/',
      'http://localhost:3000',
      'com',
    ]) {
      expect({ website, domain: websiteDomain(website), host: websiteHost(website) }).toEqual({
        website,
        domain: null,
        host: null,
      });
    }
  });

  it('keeps tenants of shared hosting apart: each is its own registrable domain', () => {
    expect(websiteDomain('https://acme.github.io/catalogue')).toBe('acme.github.io');
    expect(websiteDomain('https://beta.github.io')).toBe('beta.github.io');
    expect(registrableDomain('shop.acme.github.io')).toBe('acme.github.io');
    expect(registrableDomain('acme.co.uk')).not.toBe(registrableDomain('beta.co.uk'));
  });

  it('tells freemail domains and their subdomains', () => {
    expect(isFreemail('inbox.gmail.com')).toBe(true);
    expect(isFreemail('co.uk')).toBe(false);
  });
});
