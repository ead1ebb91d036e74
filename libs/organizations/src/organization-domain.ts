import freemailDomains from './data/freemail-domains.json' with { type: 'json' };

const FREEMAIL = new Set<string>(freemailDomains);

/** True for a free or disposable mail provider's domain (data/freemail-domains.json) or a subdomain of one. */
export function isFreemail(domain: string): boolean {
  const labels = domain.toLowerCase().split('.');
  return labels.some((_, index) => FREEMAIL.has(labels.slice(index).join('.')));
}

/**
 * The host a website names, lower-cased, without `www.`, a port or a path; a bare `example.com` will
 * do. Null when there is none or it has no dot. Used to match suppliers by their website.
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
  return host.includes('.') && !/\s/.test(host) ? host : null;
}

/** The domain an organization's website gives for domain verification (websiteHost), or null: none, or freemail. */
export function websiteDomain(website: string | null | undefined): string | null {
  const host = websiteHost(website);
  return host && !isFreemail(host) ? host : null;
}

/** The domain of a verified email address that may verify an organization, or null for freemail. */
export function verifiableEmailDomain(email: string): string | null {
  const domain = email.trim().toLowerCase().split('@').pop() ?? '';
  return domain.includes('.') && !isFreemail(domain) ? domain : null;
}
