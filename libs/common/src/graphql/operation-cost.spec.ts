import { buildSchema, parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { operationCostEstimator, UNPAGED_LIST_SIZE } from './operation-cost.js';

const schema = buildSchema(`
  type PageInfo { hasNextPage: Boolean! }
  type PersonEdge { node: Person! }
  type PersonConnection { edges: [PersonEdge!]! totalCount: Int! pageInfo: PageInfo! }
  type Person { name: String connections(first: Int = 20): PersonConnection friends: [Person!]! }
  type Evidence { kind: String }
  type EvidenceEdge { node: Evidence! }
  type EvidenceConnection { edges: [EvidenceEdge!]! totalCount: Int! }
  type Recommendation { score: Float! evidence(first: Int = 20): EvidenceConnection! }
  type RecommendationEdge { node: Recommendation! }
  type RecommendationConnection { edges: [RecommendationEdge!]! totalCount: Int! }
  type Query {
    me: Person!
    supplierShortlist(maxDegree: Int = 2, first: Int = 20): RecommendationConnection!
    connectionPath(maxDepth: Int = 6): [Person!]
  }
`);

const cost = (query: string, variables: Record<string, unknown> = {}) =>
  getComplexity({ schema, query: parse(query), variables, estimators: [operationCostEstimator] });

describe('operationCostEstimator', () => {
  it('costs 1 per field and multiplies a connection by its first argument, edges included', () => {
    expect(cost('{ me { name } }')).toBe(2);
    // me 1 + connections (1 + 10 × (edges 1 + node 1 + name 1)).
    expect(cost('{ me { connections(first: 10) { edges { node { name } } } } }')).toBe(1 + 1 + 10 * 3);
    expect(cost('{ me { connections { totalCount } } }')).toBe(1 + 1 + 20);
  });

  it('multiplies nested lists, taking `first` from variables and capping it at the page maximum', () => {
    const nested =
      'query($n: Int) { me { connections(first: $n) { edges { node { connections(first: $n) { totalCount } } } } } }';
    expect(cost(nested, { n: 10 })).toBe(1 + 1 + 10 * (1 + 1 + (1 + 10)));
    expect(cost(nested, { n: 1_000_000 })).toBe(cost(nested, { n: 100 }));
  });

  it('assumes a size for lists without first', () => {
    expect(cost('{ me { friends { name } } }')).toBe(1 + 1 + UNPAGED_LIST_SIZE * 1);
  });

  it('prices network searches by degree: degree 3 is 100 times degree 1', () => {
    const shortlist = (degree: number) =>
      cost(`{ supplierShortlist(maxDegree: ${degree}, first: 1) { totalCount } }`) - 1;
    expect(shortlist(1)).toBe(10);
    expect(shortlist(2)).toBe(100);
    expect(shortlist(3)).toBe(1000);
    // Out-of-range degrees are refused by input validation; the cost assumes the largest allowed.
    expect(shortlist(9)).toBe(1000);
    expect(cost('{ connectionPath(maxDepth: 6) { name } }')).toBe(1000 + 5 * 1);
    expect(cost('{ connectionPath(maxDepth: 2) { name } }')).toBe(10 + 5 * 1);
  });

  it('multiplies a network search that is a connection by its first, and its nested connections by theirs', () => {
    // shortlist 10 + 5 × (edges 1 + node 1 + score 1 + evidence (1 + 3 × (edges 1 + node 1 + kind 1))).
    const page =
      '{ supplierShortlist(maxDegree: 1, first: 5) { edges { node { score evidence(first: 3) { edges { node { kind } } } } } } }';
    expect(cost(page)).toBe(10 + 5 * (1 + 1 + 1 + (1 + 3 * 3)));
    // Both default to 20.
    const byDefault = '{ supplierShortlist(maxDegree: 1) { edges { node { evidence { edges { node { kind } } } } } } }';
    expect(cost(byDefault)).toBe(10 + 20 * (1 + 1 + (1 + 20 * 3)));
  });

  it('leaves introspection out (graphql-js bounds its nesting)', () => {
    expect(cost('{ __schema { types { fields { name } } } __typename }')).toBe(0);
  });
});
