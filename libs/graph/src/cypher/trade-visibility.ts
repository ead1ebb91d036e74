/**
 * Cypher predicate: trade `t` is visible to the person with id `$viewerId`. A PUBLIC trade is
 * visible to everyone; a PRIVATE one only to current members (APPROVED employment) of its buyer
 * or its supplier. To everyone else a private trade does not exist and counts nowhere.
 * Use it inside a WHERE clause of a query that binds `t` and passes `$viewerId`.
 */
export const TRADE_VISIBLE_TO_VIEWER = `(t.visibility = 'PUBLIC' OR EXISTS {
  MATCH (t)-[:BUYER|SUPPLIER]->(:Organization)<-[:WORKS_AT {status: 'APPROVED'}]-(:Person {id: $viewerId})
})`;
