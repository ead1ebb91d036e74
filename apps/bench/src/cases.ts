import { NETWORK_TRADE_SUMMARY_CYPHER, NETWORK_TRADERS_CYPHER, SHORTLIST_EVIDENCE_CYPHER } from '#tradegraph/trust';
import neo4j from 'neo4j-driver';
import { BenchSubjects } from './dataset.js';

/** One measured case: the GraphQL operation a viewer sends, and the statement(s) the API runs for it. */
export interface BenchCase {
  name: string;
  viewer: string;
  viewerId: string;
  query: string;
  variables: Record<string, unknown>;
  raw?: { cypher: string; params: Record<string, unknown> };
  /** networkTradersWith cases are also answered by PostgreSQL and cross-checked. */
  traders?: { supplierId: string; maxDegree: number };
}

export const PAGE = 20;

const TRADERS = `query Traders($supplierId: ID!, $maxDegree: Int!, $first: Int!) {
  networkTradersWith(supplierId: $supplierId, maxDegree: $maxDegree, first: $first) {
    totalCount
    edges { node { degree tradeCount lastTradedOn averageRating person { id name } path { id } organization { id name } } }
  }
}`;
const SUMMARY = `query Summary($supplierId: ID!, $maxDegree: Int!) {
  networkTradeSummary(supplierId: $supplierId, maxDegree: $maxDegree) { total byDegree { degree people } }
}`;
const SHORTLIST = `query Shortlist($categoryId: ID!, $maxDegree: Int!) {
  supplierShortlist(categoryId: $categoryId, maxDegree: $maxDegree, first: 5) {
    edges { node { score supplier { id name } evidence(first: 5) { edges { node { kind degree contribution person { id name } } } } } }
  }
}`;
const PATH = `query Path($to: ID!) { connectionPath(toPersonId: $to, maxDepth: 6) { degree people { id name } } }`;
const MUTUAL = `query Mutual($id: ID!) { mutualConnections(personId: $id, first: 20) { totalCount edges { node { id name } } } }`;
const SEARCH = `query Search { searchSuppliers(text: "steel", first: 20) { totalCount edges { node { id name } } } }`;
export const ME = `query Me { me { id name headline country } }`;

/** The cases of one run: each flagship query for each viewer (and supplier or category where it takes one). */
export function benchCases(subjects: BenchSubjects, categories: { root: string; leaf: string }): BenchCase[] {
  const cases: BenchCase[] = [];
  for (const viewer of subjects.viewers) {
    const base = { viewer: viewer.label, viewerId: viewer.id };
    for (const supplier of subjects.suppliers) {
      for (const maxDegree of [1, 2, 3]) {
        cases.push({
          ...base,
          name: `networkTradersWith d${maxDegree}, ${supplier.label}`,
          query: TRADERS,
          variables: { supplierId: supplier.id, maxDegree, first: PAGE },
          raw: {
            cypher: NETWORK_TRADERS_CYPHER[maxDegree as 1 | 2 | 3],
            params: {
              viewerId: viewer.id,
              supplierId: supplier.id,
              maxDegree: neo4j.int(maxDegree),
              offset: neo4j.int(0),
              limit: neo4j.int(PAGE),
            },
          },
          traders: { supplierId: supplier.id, maxDegree },
        });
      }
      cases.push({
        ...base,
        name: `networkTradeSummary d2, ${supplier.label}`,
        query: SUMMARY,
        variables: { supplierId: supplier.id, maxDegree: 2 },
        raw: { cypher: NETWORK_TRADE_SUMMARY_CYPHER, params: { viewerId: viewer.id, supplierId: supplier.id } },
      });
    }
    for (const [kind, categoryId] of [
      ['root', categories.root],
      ['leaf', categories.leaf],
    ]) {
      for (const maxDegree of [2, 3]) {
        cases.push({
          ...base,
          name: `supplierShortlist d${maxDegree}, ${kind} category`,
          query: SHORTLIST,
          variables: { categoryId, maxDegree },
          raw: {
            cypher: SHORTLIST_EVIDENCE_CYPHER[maxDegree as 1 | 2 | 3],
            params: { viewerId: viewer.id, categoryId, maxDegree: neo4j.int(maxDegree) },
          },
        });
      }
    }
    cases.push({ ...base, name: 'connectionPath (maxDepth 6)', query: PATH, variables: { to: subjects.pathTarget } });
    cases.push({
      ...base,
      name: 'mutualConnections (a neighbour)',
      query: MUTUAL,
      variables: { id: subjects.neighbourOf[viewer.id] },
    });
    cases.push({ ...base, name: 'searchSuppliers "steel"', query: SEARCH, variables: {} });
    cases.push({
      ...base,
      name: 'me { id name headline country }',
      query: ME,
      variables: {},
      raw: {
        cypher: 'MATCH (p:Person {id: $id}) RETURN p {.id, .name, headline: p.headline, country: p.country} AS person',
        params: { id: viewer.id },
      },
    });
  }
  return cases;
}
