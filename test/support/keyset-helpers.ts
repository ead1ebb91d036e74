/**
 * Shared by the keyset pagination end-to-end tests: walking a connection page by page, and how many
 * times a named statement ran (from the statement latency histogram).
 */
import { Metrics } from '#tradegraph/common';
import { GqlResponse, onlyError, TestApp } from './test-app.js';

/** One page as the walk selects it: `totalCount edges { cursor node { id } } pageInfo { … }`. */
export interface WalkedPage {
  totalCount: number;
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** What a connection field selects in these tests. */
export const WALKED_PAGE =
  'totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

/**
 * Walks a list with pages of `first` from the start (or from `after`), checking every page's pageInfo
 * and that no id repeats; `between` runs after the first page (to change the list while paging).
 * Returns the ids in order and the totals the pages reported.
 */
export async function walk(
  fetch: (first: number, after: string | null) => Promise<WalkedPage>,
  first: number,
  between: () => Promise<unknown> = async () => undefined,
): Promise<{ ids: string[]; totals: number[]; pages: number }> {
  const ids: string[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  for (let pages = 1; ; pages += 1) {
    const page: WalkedPage = await fetch(first, after);
    expect(page.edges.length).toBeLessThanOrEqual(first);
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
    expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1]?.cursor ?? null);
    ids.push(...page.edges.map((edge) => edge.node.id));
    totals.push(page.totalCount);
    if (pages === 1) await between();
    if (!page.pageInfo.hasNextPage) {
      expect(new Set(ids).size).toBe(ids.length);
      return { ids, totals, pages };
    }
    expect(page.edges).toHaveLength(first);
    after = page.pageInfo.endCursor;
  }
}

/** The data at `path` (dot-separated) of a response without errors. */
export function dataAt<T = any>(res: GqlResponse, path: string): T {
  expect(res.errors).toBeUndefined();
  return path.split('.').reduce<any>((value, key) => value?.[key], res.data) as T;
}

/** Expects the response to be refused with BAD_USER_INPUT on `field`. */
export function expectBadInput(res: GqlResponse, field = 'after'): void {
  expect(onlyError(res).extensions).toEqual({ code: 'BAD_USER_INPUT', field });
}

/** How many times the named statement has run in this app so far. */
export async function statementRuns(t: TestApp, statement: string): Promise<number> {
  const { values } = await t.app.get(Metrics).cypherDuration.get();
  return values
    .filter((value) => value.metricName?.endsWith('_count') && value.labels.statement === statement)
    .reduce((sum, value) => sum + value.value, 0);
}

/** Sets the createdAt of the nodes with these ids (any label) to one instant, to make ties on purpose. */
export const sameCreatedAt = (t: TestApp, ids: string[], at: string) =>
  t.neo4j.write('MATCH (n) WHERE n.id IN $ids AND n.createdAt IS NOT NULL SET n.createdAt = datetime($at)', {
    ids,
    at,
  });
