import { getNullableType, isListType } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { MAX_PAGE_SIZE } from '../pagination/page-args.js';

/** What one traversal of the trust graph costs per degree: each step multiplies the people reached. */
const DEGREE_BASE = 10;
/** Largest maxDegree the network queries accept (larger ones fail input validation with their field). */
const MAX_DEGREE = 3;
/** Largest maxDepth of connectionPath. */
const MAX_PATH_DEPTH = 6;
/** How many items a list without a `first` argument is assumed to hold (categories, supplied categories, paths…). */
export const UNPAGED_LIST_SIZE = 5;

type Args = Record<string, unknown>;

const isConnectionEdges = (typeName: string, fieldName: string) =>
  fieldName === 'edges' && typeName.endsWith('Connection');

const clamp = (value: unknown, min: number, max: number, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(Math.max(Math.trunc(value), min), max) : fallback;

/**
 * The degree of each network query: how many connection steps it walks. A search of degree d costs
 * DEGREE_BASE^d on top of what it returns, so a degree-3 search costs 100 times a degree-1 one.
 */
const NETWORK_DEGREES: Record<string, (args: Args) => number> = {
  networkTradersWith: (args) => clamp(args.maxDegree, 1, MAX_DEGREE, 2),
  networkTradeSummary: (args) => clamp(args.maxDegree, 1, MAX_DEGREE, 2),
  supplierShortlist: (args) => clamp(args.maxDegree, 1, MAX_DEGREE, 2),
  // The requester's shortlist at maxDegree 2.
  suggestedSuppliers: () => 2,
  // Friends of friends: two steps from each side.
  mutualConnections: () => 2,
  // shortestPath searches from both ends, so a path of length n costs about two searches of n/2.
  connectionPath: (args) => Math.ceil(clamp(args.maxDepth, 1, MAX_PATH_DEPTH, MAX_PATH_DEPTH) / 2),
  // A full-text search over every supplier with category expansion: priced like a degree-2 search.
  searchSuppliers: () => 2,
};

/**
 * The cost of one field for graphql-query-complexity: 1 for the field itself (or the price of its
 * graph search), plus what it selects times how many items it can return: its `first` argument
 * (capped at the page maximum, as larger values fail validation), or UNPAGED_LIST_SIZE for other
 * lists except a connection's edges. Nested lists therefore multiply. Introspection costs nothing here; graphql-js already
 * bounds its nesting (MaxIntrospectionDepthRule).
 */
export const operationCostEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name === '__schema' || field.name === '__type' || field.name === '__typename') return 0;
  const degree = NETWORK_DEGREES[field.name]?.(args);
  const own = degree === undefined ? 1 : DEGREE_BASE ** degree;
  let items = 1;
  if ('first' in args) items = clamp(args.first, 1, MAX_PAGE_SIZE, 1);
  // A connection's edges are the page its field's `first` already counted.
  else if (isListType(getNullableType(field.type)) && !isConnectionEdges(type.name, field.name)) {
    items = UNPAGED_LIST_SIZE;
  }
  return own + items * childComplexity;
};
