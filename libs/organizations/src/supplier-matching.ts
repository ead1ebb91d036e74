import { websiteHost } from '#tradegraph/common';
/** How an import names a supplier: any of its id, VAT number, website and name. */
export interface SupplierReference {
  id?: string | null;
  name?: string | null;
  website?: string | null;
  vatNumber?: string | null;
}

/** An organization as supplier matching compares it. */
export interface MatchCandidate {
  id: string;
  name: string;
  domain: string | null;
  vatNumber: string | null;
}

export type SupplierMatch =
  { organizationId: string; by: 'id' | 'vatNumber' | 'website' | 'name' } | { organizationId: null; reason: string };

/** Names compare without case and with runs of white space as one space. */
export const nameKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** VAT numbers compare without spaces, dots and dashes, in upper case. */
export const vatKey = (vat: string): string => vat.replace(/[\s.-]/g, '').toUpperCase();

/**
 * The organization a reference names: by id, else VAT number, else website domain, else exact name
 * (ignoring case). A VAT number, domain or name shared by several organizations matches none of them.
 */
export function matchSupplier(reference: SupplierReference, candidates: readonly MatchCandidate[]): SupplierMatch {
  const id = reference.id?.trim();
  if (id) {
    return candidates.some((candidate) => candidate.id === id)
      ? { organizationId: id, by: 'id' }
      : { organizationId: null, reason: `No organization has the id ${id}.` };
  }
  const ways: [SupplierMatch & { organizationId: string }, string | null, (c: MatchCandidate) => string | null][] = [
    [
      { organizationId: '', by: 'vatNumber' },
      reference.vatNumber ? vatKey(reference.vatNumber) : null,
      (c) => c.vatNumber,
    ],
    [{ organizationId: '', by: 'website' }, websiteHost(reference.website), (c) => c.domain],
    [{ organizationId: '', by: 'name' }, reference.name ? nameKey(reference.name) : null, (c) => nameKey(c.name)],
  ];
  for (const [match, key, keyOf] of ways) {
    if (!key) continue;
    const found = candidates.filter((candidate) => keyOf(candidate) === key);
    if (found.length === 1) return { ...match, organizationId: found[0].id };
    if (found.length > 1) {
      return { organizationId: null, reason: `${found.length} organizations have the ${match.by} ${key}.` };
    }
  }
  const named = reference.name?.trim() || reference.website?.trim() || reference.vatNumber?.trim() || '(no name)';
  return { organizationId: null, reason: `No organization matches the supplier "${named}".` };
}
