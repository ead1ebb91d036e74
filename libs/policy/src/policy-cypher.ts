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

/** TRADE_VISIBLE for trade `t` and the viewer given by the `$viewerId` parameter, for statements that bind no viewer. */
export const TRADE_VISIBLE_TO_VIEWER = TRADE_VISIBLE(':Person {id: $viewerId}', 't');

/** Which rule names the people of a path: MAY_SEE_PERSON, or MAY_NAME_IN_SEARCH in network searches. */
export type PathNaming = 'PERSON' | 'SEARCH';

/**
 * Person `p` of a path as the path rules need them (path-visibility.ts's PathPerson): whether the
 * viewer may name them, and whether their connections are visible to the viewer.
 */
export const PATH_PERSON = (viewer: string, p: string, naming: PathNaming): string =>
  `{id: ${p}.id,
    nameable: ${naming === 'SEARCH' ? MAY_NAME_IN_SEARCH(viewer, p) : MAY_SEE_PERSON(viewer, p)},
    connectionsVisible: ${CONNECTIONS_VISIBLE(viewer, p)}}`;

/** How many equally short paths a path query weighs before it settles for placeholders. */
export const PATH_CANDIDATE_LIMIT = 32;

/**
 * A subquery binding `candidates`: up to PATH_CANDIDATE_LIMIT shortest paths of at most `maxDepth`
 * connections from `viewer` to `target` (two different people; none when `target` is null), each as
 * a list of PATH_PERSON maps, for path-visibility.ts's mostVisiblePath to choose from. `maxDepth` is
 * a validated integer: a variable-length bound cannot be a parameter.
 */
export const SHORTEST_PATH_CANDIDATES = (viewer: string, target: string, maxDepth: number, naming: PathNaming) => {
  if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > 10) throw new Error(`Bad path depth ${maxDepth}.`);
  return `CALL (${viewer}, ${target}) {
    MATCH path = allShortestPaths((${viewer})-[:CONNECTED_TO*..${maxDepth}]-(${target}))
    WITH path LIMIT ${PATH_CANDIDATE_LIMIT}
    RETURN collect([n IN nodes(path) | ${PATH_PERSON(viewer, 'n', naming)}]) AS candidates
  }`;
};

/**
 * The people blocked either way with the viewer, as a list expression: bound once per statement, it
 * lets the two rules below check many people with a hash lookup each instead of a pattern each.
 */
export const BLOCKED_WITH = (viewer: string): string =>
  `COLLECT { MATCH (${viewer})-[:BLOCKED]-(b) RETURN DISTINCT b }`;

/** MAY_SEE_PERSON, given `blocked` bound to BLOCKED_WITH(viewer). */
export const MAY_SEE_PERSON_AMONG = (viewer: string, p: string, blocked: string): string =>
  `(${p} = ${viewer} OR NOT ${p} IN ${blocked})`;

/** MAY_NAME_IN_SEARCH, given `blocked` bound to BLOCKED_WITH(viewer). */
export const MAY_NAME_IN_SEARCH_AMONG = (viewer: string, p: string, blocked: string): string =>
  `(${p} = ${viewer} OR (coalesce(${p}.appearInNetworkSearches, true) AND NOT ${p} IN ${blocked}))`;

/**
 * The organizations the viewer is a current member of (APPROVED employment), as a list expression:
 * bound once per statement for TRADE_VISIBLE_AMONG.
 */
export const MEMBER_ORGANIZATIONS = (viewer: string): string =>
  `COLLECT { MATCH (${viewer})-[:WORKS_AT {status: 'APPROVED'}]->(o:Organization) RETURN o }`;

/** TRADE_VISIBLE for trade `t` with its buyer and supplier bound, given `orgs` bound to MEMBER_ORGANIZATIONS(viewer). */
export const TRADE_VISIBLE_AMONG = (t: string, buyer: string, supplier: string, orgs: string): string =>
  `(${t}.visibility = 'PUBLIC' OR ${buyer} IN ${orgs} OR ${supplier} IN ${orgs})`;
