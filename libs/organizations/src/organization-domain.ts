import { isFreemail, registrableDomain } from '#tradegraph/common';

/**
 * The domain of a verified email address that may verify an organization, or null: freemail, or a
 * domain without a registrable domain (an address at a public suffix, an IP address or `localhost`).
 */
export function verifiableEmailDomain(email: string): string | null {
  const domain = email.trim().toLowerCase().split('@').pop() ?? '';
  return registrableDomain(domain) && !isFreemail(domain) ? domain : null;
}
