/** What an ordinary front-end user sends: the README's example operations. */
export const ORDINARY_OPERATIONS: { name: string; query: string }[] = [
  { name: 'me', query: 'query { me { name } }' },
  {
    name: 'employments',
    query: `query { me { name employments(first: 5) { totalCount edges { node { title status organization { name
      suppliedCategories { name parent { name } }
      members(first: 10) { totalCount edges { node { title person { name } } } } } } }
      pageInfo { hasNextPage endCursor } } } }`,
  },
  {
    name: 'networkTradersWith',
    query: `query { networkTradersWith(supplierId: "demo-s7-o-000064", maxDegree: 2, first: 3) {
      totalCount edges { node { degree tradeCount lastTradedOn averageRating person { name } path { name } organization { name } } } } }`,
  },
  {
    name: 'supplierShortlist',
    query: `query { supplierShortlist(categoryId: "metals", maxDegree: 2, first: 3) {
      totalCount edges { node { score supplier { name }
      evidence(first: 5) { totalCount edges { node { kind degree contribution person { name } } } } } } } }`,
  },
];
