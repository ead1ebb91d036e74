import { getDomain } from 'tldts';
import freemailDomains from './data/freemail-domains.json' with { type: 'json' };

const FREEMAIL = new Set<string>(freemailDomains);

/** True for a free or disposable mail provider's domain (data/freemail-domains.json) or a subdomain of one. */
export function isFreemail(domain: string): boolean {
  const labels = domain.toLowerCase().split('.');
  return labels.some((_, index) => FREEMAIL.has(labels.slice(index).join('.')));
}

/**
 * The registrable domain of a host by the Public Suffix List, its ICANN and its private (shared hosting)
 * sections both: `acme.co.uk` for `shop.acme.co.uk`, `acme.github.io` for `acme.github.io`. Null when
 * there is none: the host is itself a public suffix (`co.uk`, `github.io`), an IP address, `localhost`
 * or not a valid host name. Two hosts with different registrable domains never share an owner.
 */
export function registrableDomain(host: string | null | undefined): string | null {
  if (!host) return null;
  return getDomain(host, { allowPrivateDomains: true, detectIp: true, extractHostname: false }) ?? null;
}

/**
 * The host a website names, lower-cased, without `www.`, a port or a path; a bare `example.com` will
 * do. Null when there is none, or it has no registrable domain (a public suffix, an IP address,
 * `localhost`, ...). Used to match suppliers by their website.
 */
export function websiteHost(website: string | null | undefined): string | null {
  const trimmed = website?.trim().toLowerCase();
  if (!trimmed) return null;
  const host = trimmed
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .split(/[/?#]/)[0]
    .replace(/:\d+$/, '')
    .replace(/^www\./, '')
    .replace(/\.$/, '');
  return !/\s/.test(host) && registrableDomain(host) ? host : null;
}

/**
 * The domain an organization's website gives for domain verification: the registrable domain of its
 * host (`acme.co.uk` for `https://www.shop.acme.co.uk`), or null: none, no registrable domain, or freemail.
 */
export function websiteDomain(website: string | null | undefined): string | null {
  const host = websiteHost(website);
  const domain = registrableDomain(host);
  return host && domain && !isFreemail(host) ? domain : null;
}
