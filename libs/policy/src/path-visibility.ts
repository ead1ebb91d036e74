/**
 * The path rules in TypeScript: which people of a chain of connections the viewer may be shown.
 * The flags of each person come from the PATH_PERSON fragment (policy-cypher.ts), so the rules of
 * who may be named and whose connections are visible stay the policy's.
 */

/** One person of a path, with what the policy says about them for this viewer. */
export interface PathPerson {
  id: string;
  /** The viewer may name them in this kind of result (MAY_SEE_PERSON, or MAY_NAME_IN_SEARCH in searches). */
  nameable: boolean;
  /** Their connectionsVisibility lets the viewer see their connections (CONNECTIONS_VISIBLE). */
  connectionsVisible: boolean;
}

/** A path as shown to the viewer: the ids in order, null for a hidden person. */
export type ShownPath = (string | null)[];

/**
 * EDGE_VISIBLE in TypeScript: the viewer may learn that `a` and `b` are connected when the viewer is
 * one of them or either one's connections are visible to the viewer.
 */
export function edgeLearnable(viewerId: string, a: PathPerson, b: PathPerson): boolean {
  return a.id === viewerId || b.id === viewerId || a.connectionsVisible || b.connectionsVisible;
}

/**
 * The path as the viewer may see it. The first person (the viewer) and the last (the person the
 * viewer asked about, whom the caller has already checked) stay named; an intermediary is hidden
 * when the viewer may not name them, and of two consecutive people whose connection the viewer may
 * not learn, one is hidden: the later one, or the earlier one when the later one is the last.
 */
export function hidePath(viewerId: string, path: readonly PathPerson[]): ShownPath {
  const last = path.length - 1;
  const hidden = path.map((person, i) => i > 0 && i < last && !person.nameable);
  for (let i = 1; i < path.length; i += 1) {
    if (hidden[i - 1] || hidden[i] || edgeLearnable(viewerId, path[i - 1], path[i])) continue;
    hidden[i === last ? i - 1 : i] = true;
  }
  return path.map((person, i) => (hidden[i] ? null : person.id));
}

/**
 * A stored chain of connections (an introduction's requester, intermediaries and target) as a viewer
 * who is one of its people may see it: the path rules read from the viewer's place towards each end,
 * so the viewer and both ends stay named, and of two consecutive people whose link the viewer may
 * not learn, the one farther from the viewer is hidden (never an end). A viewer outside the chain is
 * shown none of it.
 */
export function hideChainFrom(viewerId: string, chain: readonly PathPerson[]): ShownPath {
  const at = chain.findIndex((person) => person.id === viewerId);
  if (at < 0) return chain.map(() => null);
  const towardsStart = hidePath(viewerId, chain.slice(0, at + 1).reverse()).reverse();
  const towardsEnd = hidePath(viewerId, chain.slice(at));
  return [...towardsStart.slice(0, at), ...towardsEnd];
}

/**
 * Of several shortest paths to the same person, the one that shows the most people once hidden
 * (a fully visible one when there is one); ties go to the first in id order, so answers are stable.
 * Null when there is no candidate.
 */
export function mostVisiblePath(viewerId: string, candidates: readonly (readonly PathPerson[])[]): ShownPath | null {
  let best: { shown: ShownPath; hiddenCount: number; key: string } | null = null;
  for (const candidate of candidates) {
    const shown = hidePath(viewerId, candidate);
    const hiddenCount = shown.filter((id) => id === null).length;
    const key = candidate.map((person) => person.id).join('\u0000');
    if (!best || hiddenCount < best.hiddenCount || (hiddenCount === best.hiddenCount && key < best.key)) {
      best = { shown, hiddenCount, key };
    }
  }
  return best?.shown ?? null;
}
