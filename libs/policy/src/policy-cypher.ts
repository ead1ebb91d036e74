/**
 * The viewer-relative rules of what a viewer may see, as Cypher predicates. This file and
 * policy.service.ts are the only places they are written; every repository that returns people,
 * connections, paths, trades or evidence to a viewer uses them.
 *
 * Each fragment takes the names of variables already bound in the calling statement (Person nodes,
 * or a Trade for the trade rule), so a repository writes `WHERE ${MAY_SEE_PERSON('viewer', 'p')}`.
 * The rules in plain words are in docs/privacy.md.
 */

/** Either of the two people blocked the other. Blocking is mutual invisibility. */
export const BLOCKED_BETWEEN = (a: string, b: string): string => `EXISTS { (${a})-[:BLOCKED]-(${b}) }`;

/** The viewer may see person `p` at all (profile, lists, notifications): neither blocked the other. */
export const MAY_SEE_PERSON = (viewer: string, p: string): string =>
  `(${p} = ${viewer} OR NOT ${BLOCKED_BETWEEN(viewer, p)})`;

/**
 * The viewer may name person `p` in network-search results (networkTradersWith, shortlist and
 * suggested-supplier evidence, paths of those): `p` is the viewer, or is visible to the viewer and
 * did not opt out of network searches.
 */
export const MAY_NAME_IN_SEARCH = (viewer: string, p: string): string =>
  `(${p} = ${viewer} OR (coalesce(${p}.appearInNetworkSearches, true) AND NOT ${BLOCKED_BETWEEN(viewer, p)}))`;

/**
 * `owner`'s connectionsVisibility lets the viewer see owner's connections: EVERYONE (the default),
 * CONNECTIONS (people directly connected to the owner) or ONLY_ME (nobody else). The owner always
 * sees their own; a blocked pair sees nothing of each other.
 */
export const CONNECTIONS_VISIBLE = (viewer: string, owner: string): string =>
  `(${owner} = ${viewer} OR (NOT ${BLOCKED_BETWEEN(viewer, owner)} AND (
    coalesce(${owner}.connectionsVisibility, 'EVERYONE') = 'EVERYONE'
    OR (coalesce(${owner}.connectionsVisibility, 'EVERYONE') = 'CONNECTIONS' AND EXISTS { (${owner})-[:CONNECTED_TO]-(${viewer}) }))))`;

/**
 * The viewer may learn that `a` and `b` are connected: the viewer is one of them, or either one's
 * connectionsVisibility lets the viewer see their connections. Every output that reveals an edge
 * (connection lists and counts, mutual connections, consecutive people of a path) obeys it.
 */
export const EDGE_VISIBLE = (viewer: string, a: string, b: string): string =>
  `(${a} = ${viewer} OR ${b} = ${viewer} OR ${CONNECTIONS_VISIBLE(viewer, a)} OR ${CONNECTIONS_VISIBLE(viewer, b)})`;

/**
 * Trade `t` is visible to the viewer: PUBLIC, or PRIVATE and the viewer is a current member
 * (APPROVED employment) of its buyer or its supplier. To everyone else a private trade does not
 * exist and counts nowhere.
 */
export const TRADE_VISIBLE = (viewer: string, t: string): string => `(${t}.visibility = 'PUBLIC' OR EXISTS {
  MATCH (${t})-[:BUYER|SUPPLIER]->(:Organization)<-[:WORKS_AT {status: 'APPROVED'}]-(${viewer})
})`;
