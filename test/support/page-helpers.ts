import { GqlResponse, onlyError, TestApp } from './test-app.js';

/** The Relay page info every connection selects. */
export const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

/** The nodes of a connection page, in order (null stays null, for lists hidden from the viewer). */
export const nodesOf = (page: any) => (page === null ? null : page.edges.map((edge: any) => edge.node));

/**
 * Walks a connection field of `me` page by page with `first`, checking totalCount and pageInfo on
 * every page, and returns the ids of all its nodes in order.
 */
export async function walkMyPages(t: TestApp, token: string, field: string, first: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const res: GqlResponse = await t.gql(
      `query Page($first: Int, $after: String) {
         me { ${field}(first: $first, after: $after) { totalCount edges { cursor node { id } } ${PAGE_INFO} } }
       }`,
      { first, after },
      token,
    );
    expect(res.errors).toBeUndefined();
    const page: any = res.data!.me[field];
    expect(page.edges.length).toBeLessThanOrEqual(first);
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
    expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1]?.cursor ?? null);
    ids.push(...page.edges.map((edge: any) => edge.node.id));
    expect(page.pageInfo.hasNextPage).toBe(ids.length < page.totalCount);
    if (!page.pageInfo.hasNextPage) {
      expect(ids).toHaveLength(page.totalCount);
      return ids;
    }
    after = page.pageInfo.endCursor;
  }
}

/** Asks for a page of 101 items of a `me` connection: over the maximum of 100. */
export async function expectFirstOverMaximumRefused(t: TestApp, token: string, field: string): Promise<void> {
  const res = await t.gql(`query { me { ${field}(first: 101) { totalCount } } }`, {}, token);
  expect(onlyError(res).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
}

/** A whole list in one page, as `{ totalCount edges { node { … } } }` selects it. */
export const pageOf = (...nodes: unknown[]) => ({ totalCount: nodes.length, edges: nodes.map((node) => ({ node })) });

/** The recommendations of a supplierShortlist or suggestedSuppliers page, each with its evidence page as a list. */
export const shortlistOf = (page: any): any[] =>
  nodesOf(page).map((recommendation: any) =>
    recommendation.evidence ? { ...recommendation, evidence: nodesOf(recommendation.evidence) } : recommendation,
  );
