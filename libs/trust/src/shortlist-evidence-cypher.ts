import { DOMAIN_VERIFIED } from '#tradegraph/organizations';
import {
  BLOCKED_WITH,
  MAY_NAME_IN_SEARCH_AMONG,
  MAY_SEE_PERSON_AMONG,
  MEMBER_ORGANIZATIONS,
  TRADE_VISIBLE_AMONG,
} from '#tradegraph/policy';
import { Degree, LEVEL_ONE, WITH_DEGREE } from './network-traders-cypher.js';

/** The category C and its descendants, as rows of `c`. */
const CATEGORIES = 'MATCH (:Category {id: $categoryId})<-[:CHILD_OF*0..5]-(c:Category)';

/**
 * Up to degree 2, from the viewer's side: the viewer's network within maxDegree, one expansion per
 * exact length, as one row `network` of {p, degree}. Cheaper than the evidence side while the
 * network is small.
 */
const NETWORK_FROM_VIEWER = `
CALL (viewer, blocked) {
  CALL (viewer) {
    MATCH (viewer)-[:CONNECTED_TO]-(p:Person) RETURN p, 1 AS d
    UNION
    WITH viewer WHERE $maxDegree >= 2 MATCH (viewer)-[:CONNECTED_TO*2]-(p:Person) RETURN p, 2 AS d
  }
  WITH viewer, blocked, p, min(d) AS degree WHERE p <> viewer AND ${MAY_SEE_PERSON_AMONG('viewer', 'p', 'blocked')}
  RETURN collect({p: p, degree: degree}) AS network
}`;

/**
 * At degree 3 the viewer's network can be most of the graph, so it is taken from the evidence's
 * side: the people who could give evidence in C (endorsers in C, current members of the buyers of
 * confirmed trades in C, people who referred the viewer), each with their exact degree found level
 * by level (LEVEL_ONE and WITH_DEGREE of network-traders-cypher.ts), as one row `network`.
 */
const NETWORK_FROM_EVIDENCE = `
CALL (viewer, blocked) {
  ${LEVEL_ONE}
  CALL (viewer) {
    CALL (viewer) {
      ${CATEGORIES}
      CALL (c) {
        MATCH (c)<-[:IN_CATEGORY]-(:Endorsement)<-[:ENDORSED]-(p:Person) RETURN p
        UNION
        MATCH (c)<-[:IN_CATEGORY]-(:Trade {status: 'CONFIRMED'})-[:BUYER]->(b:Organization)
        WITH DISTINCT b MATCH (b)<-[:WORKS_AT {status: 'APPROVED'}]-(p:Person) RETURN p
      }
      RETURN p
      UNION
      MATCH (viewer)<-[:REFERRED_TO]-(:Referral)<-[:REFERRED]-(p:Person) RETURN p
    }
    WITH DISTINCT viewer, p WHERE p <> viewer
    RETURN collect({p: p}) AS candidates, sum(COUNT { (p)-[:CONNECTED_TO]-() }) AS candidateDegrees
  }
  ${WITH_DEGREE(3, '', MAY_SEE_PERSON_AMONG('viewer', 'p', 'blocked'))}
  RETURN collect({p: p, degree: degree}) AS network
}`;

/**
 * The person behind a piece of evidence may not be named in network searches (they opted out, or are
 * blocked either way: `blocked` is BLOCKED_WITH(viewer), collected once per statement).
 */
const HIDDEN = (v: string) => `NOT ${MAY_NAME_IN_SEARCH_AMONG('viewer', v, 'blocked')}`;

/** Of a trade's recorder, confirmer and feedback author, those the viewer may not name in network searches. */
const TRADE_HIDDEN_PEOPLE = `[x IN COLLECT { MATCH (q:Person)-[:RECORDED|CONFIRMED]->(t) RETURN q }
  + COLLECT { MATCH (q:Person)-[:WROTE]->(:Feedback)-[:ABOUT]->(t) RETURN q } WHERE ${HIDDEN('x')} | x.id]`;

/**
 * The suppliers that count: those currently supplying a category in C of which the viewer is not a
 * current member (`own` is MEMBER_ORGANIZATIONS(viewer)); listed once, then checked per row by lookup.
 */
const CANDIDATES = `COLLECT {
  UNWIND cats AS sc MATCH (sc)<-[:SUPPLIES]-(s:Organization) WHERE NOT s IN own RETURN DISTINCT s
}`;
const CANDIDATE = 's IN candidates';

/**
 * Every piece of evidence for every candidate supplier in category C (the category and its
 * descendants), from the viewer's network within maxDegree, plus answers to the viewer's sourcing
 * requests from direct connections (as referrals). People blocked either way with the viewer are
 * no part of the network here; each fact says whether its person may be named (`hidden`) and which
 * people its endorsement or trade must not name (`hiddenPersonIds`). Contributions are computed by
 * the caller (scoring.ts) so that the formula lives in one readable place.
 */
function shortlistEvidenceCypher(maxDegree: Degree): string {
  return `
MATCH (viewer:Person {id: $viewerId})
WITH viewer, ${BLOCKED_WITH('viewer')} AS blocked
${maxDegree === 3 ? NETWORK_FROM_EVIDENCE : NETWORK_FROM_VIEWER}
CALL () {
  ${CATEGORIES}
  RETURN collect(c) AS cats
}
WITH viewer, blocked, network, cats, ${MEMBER_ORGANIZATIONS('viewer')} AS own
WITH viewer, blocked, network, cats, own, ${CANDIDATES} AS candidates
CALL (viewer, blocked, cats, candidates, own, network) {
  UNWIND network AS member
  WITH viewer, blocked, cats, candidates, own, member.p AS p, member.degree AS degree
  MATCH (p)-[:ENDORSED]->(e:Endorsement)-[:OF]->(s:Organization), (e)-[:IN_CATEGORY]->(ec:Category)
  WHERE ec IN cats AND ${CANDIDATE}
  // Verified: the endorser's organization bought from s. The buyers of s are listed once per supplier.
  WITH viewer, blocked, own, s, collect({p: p, degree: degree, e: e}) AS endorsements
  WITH viewer, blocked, s, endorsements, COLLECT {
    MATCH (s)<-[:SUPPLIER]-(t:Trade {status: 'CONFIRMED'})-[:BUYER]->(o:Organization)
    WHERE ${TRADE_VISIBLE_AMONG('t', 'o', 's', 'own')}
    RETURN DISTINCT o
  } AS buyers
  UNWIND endorsements AS endorsement
  WITH viewer, blocked, s, buyers, endorsement.p AS p, endorsement.degree AS degree, endorsement.e AS e
  RETURN {kind: 'ENDORSEMENT', id: e.id, supplierId: s.id, supplierName: s.name, personId: p.id, degree: degree,
          hidden: ${HIDDEN('p')}, hiddenPersonIds: CASE WHEN ${HIDDEN('p')} THEN [p.id] ELSE [] END,
          rating: e.rating, updatedAt: e.updatedAt,
          verified: EXISTS {
            MATCH (p)-[w:WORKS_AT]->(o:Organization)
            WHERE o IN buyers AND (w.status = 'APPROVED' OR (w.status = 'ENDED' AND w.approvedAt IS NOT NULL))
          }} AS fact
  // Each fact comes from one branch only (its id is an endorsement's, a trade's, a referral's or an answer's): no need to deduplicate.
  UNION ALL
  UNWIND network AS member
  WITH viewer, blocked, cats, candidates, own, member.p AS p, member.degree AS degree
  // A trade's person is the nearest current member of its buyer: chosen once per buyer, not per trade and member.
  MATCH (p)-[:WORKS_AT {status: 'APPROVED'}]->(b:Organization)
  WITH viewer, blocked, cats, candidates, own, b, p, degree ORDER BY degree ASC, p.id ASC
  WITH viewer, blocked, cats, candidates, own, b, head(collect({id: p.id, degree: degree, hidden: ${HIDDEN('p')}})) AS nearest
  MATCH (b)<-[:BUYER]-(t:Trade {status: 'CONFIRMED'})-[:SUPPLIER]->(s:Organization), (t)-[:IN_CATEGORY]->(tc:Category)
  WHERE tc IN cats AND ${CANDIDATE} AND ${TRADE_VISIBLE_AMONG('t', 'b', 's', 'own')}
  // Domain verification of each side once per organization rather than per trade: buyers, then suppliers.
  WITH viewer, blocked, b, nearest, collect({t: t, s: s}) AS trades
  WITH viewer, blocked, b, nearest, trades, ${DOMAIN_VERIFIED('b')} AS buyerVerified
  UNWIND trades AS trade
  WITH viewer, blocked, trade.s AS s, collect({t: trade.t, b: b, nearest: nearest, buyerVerified: buyerVerified}) AS rows
  WITH viewer, blocked, s, rows, ${DOMAIN_VERIFIED('s')} AS supplierVerified
  UNWIND rows AS row
  WITH viewer, blocked, s, supplierVerified, row.t AS t, row.nearest AS nearest, row.buyerVerified AS buyerVerified
  OPTIONAL MATCH (f:Feedback)-[:ABOUT]->(t)
  RETURN {kind: 'TRADE', id: t.id, supplierId: s.id, supplierName: s.name, personId: nearest.id,
          degree: nearest.degree, hidden: nearest.hidden, hiddenPersonIds: ${TRADE_HIDDEN_PEOPLE}, occurredOn: t.occurredOn,
          feedbackAverage: (f.quality + f.delivery + f.communication) / 3.0,
          supplierVerified: supplierVerified, buyerVerified: buyerVerified} AS fact
  UNION ALL
  MATCH (viewer)<-[:REFERRED_TO]-(r:Referral)<-[:REFERRED]-(sender:Person),
        (r)-[:ABOUT]->(s:Organization), (r)-[:IN_CATEGORY]->(rc:Category)
  WHERE rc IN cats AND ${CANDIDATE}
  UNWIND network AS member
  WITH viewer, blocked, r, s, sender, member WHERE member.p = sender
  RETURN {kind: 'REFERRAL', id: r.id, supplierId: s.id, supplierName: s.name, personId: sender.id,
          degree: member.degree, hidden: ${HIDDEN('sender')}, hiddenPersonIds: [], createdAt: r.createdAt} AS fact
  UNION ALL
  // An answer to one of the viewer's sourcing requests counts as a referral while its answerer is a direct connection.
  MATCH (viewer)-[:POSTED]->(q:SourcingRequest)-[:FOR_CATEGORY]->(qc:Category),
        (answerer:Person)-[:ANSWERED]->(a:SourcingAnswer)-[:TO_REQUEST]->(q), (a)-[:SUGGESTS]->(s:Organization)
  WHERE qc IN cats AND ${CANDIDATE} AND EXISTS { (viewer)-[:CONNECTED_TO]-(answerer) }
    AND ${MAY_SEE_PERSON_AMONG('viewer', 'answerer', 'blocked')}
  RETURN {kind: 'REFERRAL', id: a.id, supplierId: s.id, supplierName: s.name, personId: answerer.id,
          degree: 1, hidden: ${HIDDEN('answerer')}, hiddenPersonIds: [], createdAt: a.createdAt} AS fact
}
RETURN fact`;
}

/** The statement of each maxDegree, built once. */
export const SHORTLIST_EVIDENCE_CYPHER: Record<Degree, string> = {
  1: shortlistEvidenceCypher(1),
  2: shortlistEvidenceCypher(2),
  3: shortlistEvidenceCypher(3),
};
