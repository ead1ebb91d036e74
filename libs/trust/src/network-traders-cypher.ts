import {
  BLOCKED_WITH,
  MAY_NAME_IN_SEARCH_AMONG,
  MAY_SEE_PERSON_AMONG,
  SHORTEST_PATH_CANDIDATES,
  TRADE_VISIBLE_TO_VIEWER,
} from '#tradegraph/policy';

/** Degrees allowed in network queries; a variable-length bound cannot be a query parameter. */
export type Degree = 1 | 2 | 3;

/** T(p): the people behind a confirmed trade t with buyer `buyer`: its current buyer members and its recorder. */
const TRADE_PEOPLE = `CALL (t, buyer) {
  MATCH (p:Person)-[:WORKS_AT {status: 'APPROVED'}]->(buyer) RETURN p
  UNION
  MATCH (p:Person)-[:RECORDED]->(t) RETURN p
}`;

/** The supplier's CONFIRMED trades the viewer may see, with their buyer (t, buyer bound; `extra` carried along). */
const VISIBLE_TRADES = (extra: string) => `
  MATCH (:Organization {id: $supplierId})<-[:SUPPLIER]-(t:Trade {status: 'CONFIRMED'})
  WHERE ${TRADE_VISIBLE_TO_VIEWER}
  MATCH (t)-[:BUYER]->(buyer:Organization)
  ${extra}`;

/**
 * How much a 2-hop expansion from the candidates costs relative to their own degrees: about the mean
 * degree of a neighbour, which in a heavy-tailed network is well above the mean degree.
 */
const NEIGHBOUR_DEGREE = 50;

/** The first level of LEVELS (`l1`, `l1Degrees`), for a statement that has bound `blocked` itself. */
export const LEVEL_ONE = `CALL (viewer) {
  MATCH (viewer)-[:CONNECTED_TO]-(n:Person) WHERE n <> viewer
  WITH DISTINCT n
  RETURN collect(n) AS l1, sum(COUNT { (n)-[:CONNECTED_TO]-() }) AS l1Degrees
}`;

/**
 * Binds `degree` for each row's candidate `p` (a person other than the viewer): the exact length of
 * a shortest CONNECTED_TO path from the viewer, or null beyond maxDegree. The viewer's network is
 * expanded once, level by level (`l1` = direct connections, bound before the candidate rows, with
 * `l1Degrees` the sum of their degrees); the last level is reached from whichever side is smaller:
 * the viewer's next level is built once (`l2`) when that costs less than stepping out from every
 * candidate (`candidateDegrees` = the sum of the candidates' degrees). Membership in a list bound
 * once per statement is a hash lookup. No per-candidate path search.
 */
export const LEVELS = `WITH viewer, ${BLOCKED_WITH('viewer')} AS blocked
${LEVEL_ONE}`;

/**
 * Binds `l2` (the people at exactly 2 steps) and `built`: the level is built only when `viewerSide`
 * holds, else `l2` is empty and `built` false. Needs viewer, l1, l1Degrees, candidateDegrees.
 */
const LEVEL_TWO = (viewerSide: string) => `CALL (viewer, l1, l1Degrees, candidateDegrees) {
  WITH viewer, l1, l1Degrees, candidateDegrees WHERE ${viewerSide}
  MATCH (viewer)-[:CONNECTED_TO]-(:Person)-[:CONNECTED_TO]-(n:Person) WHERE n <> viewer AND NOT n IN l1
  RETURN collect(DISTINCT n) AS l2
}
WITH viewer, blocked, l1, candidates, l2, ${viewerSide} AS built`;

/** The `degree` expression for candidate `p`, given l1 (and l2/built from LEVEL_TWO for maxDegree 2 and 3). */
const DEGREE = (maxDegree: Degree): string => {
  if (maxDegree === 1) return 'CASE WHEN p IN l1 THEN 1 END';
  if (maxDegree === 2) {
    return `CASE WHEN p IN l1 THEN 1
      WHEN built THEN CASE WHEN p IN l2 THEN 2 END
      WHEN EXISTS { (p)-[:CONNECTED_TO]-(m:Person) WHERE m IN l1 } THEN 2 END`;
  }
  return `CASE WHEN p IN l1 THEN 1
    WHEN built THEN CASE WHEN p IN l2 THEN 2 WHEN EXISTS { (p)-[:CONNECTED_TO]-(m:Person) WHERE m IN l2 } THEN 3 END
    WHEN EXISTS { (p)-[:CONNECTED_TO]-(m:Person) WHERE m IN l1 } THEN 2
    WHEN EXISTS { (p)-[:CONNECTED_TO]-(:Person)-[:CONNECTED_TO]-(m:Person) WHERE m IN l1 } THEN 3 END`;
};

/** When the viewer's second level is cheaper to build than the candidates' own expansion. */
const VIEWER_SIDE = (maxDegree: Degree) =>
  maxDegree === 2 ? 'l1Degrees <= candidateDegrees' : `l1Degrees <= candidateDegrees * ${NEIGHBOUR_DEGREE}`;

/**
 * From the candidate list `candidates` (maps with a `p`), rows of p, the map's other keys, and
 * `degree` within maxDegree, keeping only people for whom `visible` holds (checked after the degree,
 * on the fewer people within reach).
 */
export const WITH_DEGREE = (maxDegree: Degree, carry: string, visible: string) => `
${maxDegree === 1 ? '' : LEVEL_TWO(VIEWER_SIDE(maxDegree))}
UNWIND candidates AS candidate
WITH viewer, blocked, ${maxDegree === 1 ? '' : 'l2, built, '}l1, candidate.p AS p${carry ? `, ${carry}` : ''}
WITH viewer, blocked, p${carry ? `, ${carry.replace(/^.* AS /, '')}` : ''}, ${DEGREE(maxDegree)} AS degree
WHERE degree IS NOT NULL AND ${visible}`;

/**
 * For "who in my network traded with X": over the supplier's CONFIRMED trades visible to the viewer,
 * the people who are current members of each trade's buyer or recorded it and whom the viewer may
 * name in network searches, each with their exact degree when it is at most maxDegree (LEVELS and
 * DEGREE). Only the page's people get their candidate paths, searched within maxDegree.
 */
export function networkTradersCypher(maxDegree: Degree): string {
  return `
MATCH (viewer:Person {id: $viewerId})
${LEVELS}
CALL (viewer) {
  ${VISIBLE_TRADES(`OPTIONAL MATCH (f:Feedback)-[:ABOUT]->(t)
  WITH viewer, t, buyer, (f.quality + f.delivery + f.communication) / 3.0 AS rating`)}
  ${TRADE_PEOPLE}
  WITH viewer, p, collect({id: t.id, occurredOn: t.occurredOn, buyerId: buyer.id, rating: rating}) AS trades
  WHERE p <> viewer
  RETURN collect({p: p, trades: trades}) AS candidates, sum(COUNT { (p)-[:CONNECTED_TO]-() }) AS candidateDegrees
}
// People who opted out of network searches or are blocked either way are never named here.
${WITH_DEGREE(maxDegree, 'candidate.trades AS trades', MAY_NAME_IN_SEARCH_AMONG('viewer', 'p', 'blocked'))}
WITH viewer, p, trades, degree,
     reduce(latest = head(trades), tr IN tail(trades) |
       CASE WHEN tr.occurredOn > latest.occurredOn OR (tr.occurredOn = latest.occurredOn AND tr.id < latest.id)
            THEN tr ELSE latest END) AS latest,
     [tr IN trades WHERE tr.rating IS NOT NULL | tr.rating] AS ratings
WITH viewer, {
  personId: p.id, degree: degree, organizationId: latest.buyerId,
  tradeCount: size(trades), lastTradedOn: latest.occurredOn,
  averageRating: CASE WHEN size(ratings) = 0 THEN null ELSE reduce(s = 0.0, r IN ratings | s + r) / size(ratings) END
} AS row
ORDER BY row.degree ASC, row.tradeCount DESC, row.lastTradedOn DESC, row.personId ASC
WITH viewer, collect(row) AS rows
WITH viewer, size(rows) AS total, rows[$offset..($offset + $limit)] AS page
CALL (viewer, page) {
  UNWIND range(0, size(page) - 1) AS i
  WITH viewer, i, page[i] AS row
  MATCH (p:Person {id: row.personId})
  ${SHORTEST_PATH_CANDIDATES('viewer', 'p', maxDegree, 'SEARCH')}
  WITH i, row {.*, candidates: candidates} AS item ORDER BY i
  RETURN collect(item) AS items
}
RETURN total, items`;
}

/**
 * For networkTradeSummary: the same people as networkTradersCypher, including those who opted out
 * of network searches (but not people blocked either way), counted per degree up to 3 whatever the
 * maxDegree asked (small-counts.ts decides what to show across all of them). Only degrees with at
 * least one person come back.
 */
export const NETWORK_TRADE_SUMMARY_CYPHER = `
MATCH (viewer:Person {id: $viewerId})
${LEVELS}
CALL (viewer) {
  ${VISIBLE_TRADES('')}
  ${TRADE_PEOPLE}
  WITH DISTINCT viewer, p WHERE p <> viewer
  RETURN collect({p: p}) AS candidates, sum(COUNT { (p)-[:CONNECTED_TO]-() }) AS candidateDegrees
}
${WITH_DEGREE(3, '', MAY_SEE_PERSON_AMONG('viewer', 'p', 'blocked'))}
RETURN degree, count(*) AS people`;

/** The statement of each maxDegree, built once. */
export const NETWORK_TRADERS_CYPHER: Record<Degree, string> = {
  1: networkTradersCypher(1),
  2: networkTradersCypher(2),
  3: networkTradersCypher(3),
};
