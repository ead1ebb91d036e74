/**
 * Domain verification as Cypher fragments. An organization's website gives `o.websiteDomain`
 * (websiteDomain() of libs/common, freemail never), a verified address gives `p.verifiedEmailDomain`
 * (libs/accounts, freemail never).
 */

/** `p`'s verified address is on `o`'s domain or a subdomain of it. */
export const ON_DOMAIN_OF = (p: string, o: string) =>
  `(${p}.verifiedEmailDomain IS NOT NULL AND ${o}.websiteDomain IS NOT NULL
    AND (${p}.verifiedEmailDomain = ${o}.websiteDomain OR ${p}.verifiedEmailDomain ENDS WITH '.' + ${o}.websiteDomain))`;

/** `o` is domain-verified: a current member's verified address is on its domain. */
export const DOMAIN_VERIFIED = (o: string) =>
  `EXISTS { MATCH (dv:Person)-[:WORKS_AT {status: 'APPROVED'}]->(${o}) WHERE ${ON_DOMAIN_OF('dv', o)} }`;
