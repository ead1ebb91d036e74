import freemailDomains from './data/freemail-domains.json' with { type: 'json' };

const FREEMAIL = new Set<string>(freemailDomains);

/** True for a free or disposable mail provider's domain (data/freemail-domains.json) or a subdomain of one. */
export function isFreemail(domain: string): boolean {
  const labels = domain.toLowerCase().split('.');
  return labels.some((_, index) => FREEMAIL.has(labels.slice(index).join('.')));
}

/** The domain an organization's website gives (its host without `www.`), or null: none, unparsable, or freemail. */
export function websiteDomain(website: string | null | undefined): string | null {
  if (!website) return null;
  let host: string;
  try {
    host = new URL(website).hostname.toLowerCase();
  } catch {
    return null;
  }
  host = host.replace(/^www\./, '').replace(/\.$/, '');
  if (!host.includes('.') || isFreemail(host)) return null;
  return host;
}

/** The domain of a verified email address that may verify an organization, or null for freemail. */
export function verifiableEmailDomain(email: string): string | null {
  const domain = email.trim().toLowerCase().split('@').pop() ?? '';
  return domain.includes('.') && !isFreemail(domain) ? domain : null;
}
