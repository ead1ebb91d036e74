/**
 * The Query fields that search the trust graph (paths, traders, shortlists, summaries): the costliest
 * reads, with their own per-account limit. A test checks that each is still a Query field.
 */
export const NETWORK_QUERIES: ReadonlySet<string> = new Set([
  'networkTradersWith',
  'supplierShortlist',
  'connectionPath',
  'mutualConnections',
  'suggestedSuppliers',
  'networkTradeSummary',
  'searchSuppliers',
]);
