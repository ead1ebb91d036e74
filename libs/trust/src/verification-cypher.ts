import { DOMAIN_VERIFIED, ON_DOMAIN_OF } from '#tradegraph/organizations';
import { BLOCKED_WITH, MAY_SEE_PERSON_AMONG } from '#tradegraph/policy';

/**
 * For each organization: when it became domain-verified (the earliest moment a current member was both
 * approved and verified on its domain; null when it is not), and `vouchedBy`: the distinct current
 * members of other domain-verified organizations that have a CONFIRMED PUBLIC trade with it (either
 * side), not counting its own current members, nor people blocked either way with the viewer
 * (`$viewerId`), so the count reveals nobody the viewer may not see.
 */
export const ORGANIZATION_VERIFICATION = `
OPTIONAL MATCH (viewer:Person {id: $viewerId})
WITH viewer, ${BLOCKED_WITH('viewer')} AS blocked
UNWIND $ids AS id
MATCH (o:Organization {id: id})
CALL (o) {
  OPTIONAL MATCH (p:Person)-[e:WORKS_AT {status: 'APPROVED'}]->(o)
  WHERE ${ON_DOMAIN_OF('p', 'o')}
  WITH p, coalesce(e.approvedAt, e.createdAt) AS approvedAt
  RETURN min(CASE WHEN p.emailVerifiedAt > approvedAt THEN p.emailVerifiedAt ELSE approvedAt END) AS verifiedAt
}
CALL (o, viewer, blocked) {
  OPTIONAL MATCH (o)<-[:BUYER|SUPPLIER]-(:Trade {status: 'CONFIRMED', visibility: 'PUBLIC'})-[:BUYER|SUPPLIER]->(x:Organization)
  WHERE x <> o AND ${DOMAIN_VERIFIED('x')}
  OPTIONAL MATCH (m:Person)-[:WORKS_AT {status: 'APPROVED'}]->(x)
  WHERE NOT EXISTS { (m)-[:WORKS_AT {status: 'APPROVED'}]->(o) } AND ${MAY_SEE_PERSON_AMONG('viewer', 'm', 'blocked')}
  RETURN count(DISTINCT m) AS vouchedBy
}
RETURN o.id AS organizationId,
       verifiedAt IS NOT NULL AS domainVerified,
       CASE WHEN verifiedAt IS NULL THEN null ELSE o.websiteDomain END AS verifiedDomain,
       verifiedAt,
       vouchedBy`;
