/**
 * Domain verification in Cypher. An organization's website gives `o.websiteDomain` (libs/organizations,
 * freemail never), a verified address gives `p.verifiedEmailDomain` (libs/accounts, freemail never).
 */

/** `p`'s verified address is on `o`'s domain or a subdomain of it. */
export const ON_DOMAIN_OF = (p: string, o: string) =>
  `(${p}.verifiedEmailDomain IS NOT NULL AND ${o}.websiteDomain IS NOT NULL
    AND (${p}.verifiedEmailDomain = ${o}.websiteDomain OR ${p}.verifiedEmailDomain ENDS WITH '.' + ${o}.websiteDomain))`;

/** `o` is domain-verified: a current member's verified address is on its domain. */
export const DOMAIN_VERIFIED = (o: string) =>
  `EXISTS { MATCH (dv:Person)-[:WORKS_AT {status: 'APPROVED'}]->(${o}) WHERE ${ON_DOMAIN_OF('dv', o)} }`;

/**
 * For each organization: when it became domain-verified (the earliest moment a current member was both
 * approved and verified on its domain; null when it is not), and `vouchedBy`: the distinct current
 * members of other domain-verified organizations that have a CONFIRMED PUBLIC trade with it (either
 * side), not counting its own current members.
 */
export const ORGANIZATION_VERIFICATION = `
UNWIND $ids AS id
MATCH (o:Organization {id: id})
CALL (o) {
  OPTIONAL MATCH (p:Person)-[e:WORKS_AT {status: 'APPROVED'}]->(o)
  WHERE ${ON_DOMAIN_OF('p', 'o')}
  WITH p, coalesce(e.approvedAt, e.createdAt) AS approvedAt
  RETURN min(CASE WHEN p.emailVerifiedAt > approvedAt THEN p.emailVerifiedAt ELSE approvedAt END) AS verifiedAt
}
CALL (o) {
  OPTIONAL MATCH (o)<-[:BUYER|SUPPLIER]-(:Trade {status: 'CONFIRMED', visibility: 'PUBLIC'})-[:BUYER|SUPPLIER]->(x:Organization)
  WHERE x <> o AND ${DOMAIN_VERIFIED('x')}
  OPTIONAL MATCH (m:Person)-[:WORKS_AT {status: 'APPROVED'}]->(x)
  WHERE NOT EXISTS { (m)-[:WORKS_AT {status: 'APPROVED'}]->(o) }
  RETURN count(DISTINCT m) AS vouchedBy
}
RETURN o.id AS organizationId,
       verifiedAt IS NOT NULL AS domainVerified,
       CASE WHEN verifiedAt IS NULL THEN null ELSE o.websiteDomain END AS verifiedDomain,
       verifiedAt,
       vouchedBy`;
