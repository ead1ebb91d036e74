import type { FragmentDefinitionNode, SelectionSetNode } from 'graphql';

/**
 * The fields that search the trust graph (paths, traders, shortlists, summaries): the costliest
 * reads, with their own per-account limit. All are Query fields except `suggestedSuppliers`, a
 * field of SourcingRequest; a test checks that each still exists.
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

/**
 * How often network fields are selected below a top-level field, fragments included. Nested fields
 * get no interceptor of their own, so the top-level field counts them for the network limit (once
 * per selection: a list multiplies the searches, which is what the operation cost limit is for).
 */
export function nestedNetworkFields(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  seen: Set<string> = new Set(),
): number {
  let count = 0;
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === 'Field') {
      if (NETWORK_QUERIES.has(selection.name.value)) count += 1;
      count += nestedNetworkFields(selection.selectionSet, fragments, seen);
    } else if (selection.kind === 'InlineFragment') {
      count += nestedNetworkFields(selection.selectionSet, fragments, seen);
    } else if (!seen.has(selection.name.value)) {
      // A fragment spread: each named fragment counts once, which also rules out cycles.
      seen.add(selection.name.value);
      count += nestedNetworkFields(fragments[selection.name.value]?.selectionSet, fragments, seen);
    }
  }
  return count;
}
