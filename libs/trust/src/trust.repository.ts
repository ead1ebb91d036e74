import { Injectable } from '@nestjs/common';
import { Neo4jService } from '#tradegraph/graph';
import { PathPerson } from '#tradegraph/policy';
import { int } from 'neo4j-driver';
import { Degree, NETWORK_TRADE_SUMMARY_CYPHER, NETWORK_TRADERS_CYPHER } from './network-traders-cypher.js';
import { EvidenceFact } from './scoring.js';
import { SHORTLIST_EVIDENCE_CYPHER } from './shortlist-evidence-cypher.js';
import { DOMAIN_VERIFIED } from '#tradegraph/organizations';
import { ORGANIZATION_VERIFICATION } from './verification-cypher.js';
import type { OrganizationVerification } from './models/organization-verification.model.js';

export type { Degree } from './network-traders-cypher.js';

export interface NetworkTraderRow {
  personId: string;
  degree: number;
  /** The shortest paths to the person, for the policy's mostVisiblePath to choose from. */
  candidates: PathPerson[][];
  organizationId: string;
  tradeCount: number;
  lastTradedOn: string;
  averageRating: number | null;
}

export type EvidenceRow = EvidenceFact & { supplierName: string };

const SEARCH_FIELDS = 'o {.id, .name, .country, .roles, website: o.website, description: o.description}';
const SUPPLIER_FILTER = `'SUPPLIER' IN o.roles AND ($country IS NULL OR o.country = $country)
  AND (NOT $verifiedOnly OR ${DOMAIN_VERIFIED('o')})`;
const PAGE = `RETURN size(rows) AS total, rows[$offset..($offset + $limit)] AS items`;

/** Suppliers matching free text (full-text index on name and description), by relevance then name. */
const SEARCH_BY_TEXT = `
CALL db.index.fulltext.queryNodes('organization_text', $query) YIELD node AS o, score
WHERE ${SUPPLIER_FILTER}
  AND ($categoryId IS NULL OR EXISTS { MATCH (o)-[:SUPPLIES]->(:Category)-[:CHILD_OF*0..5]->(:Category {id: $categoryId}) })
WITH o, score ORDER BY score DESC, o.name ASC, o.id ASC
WITH collect(${SEARCH_FIELDS}) AS rows
${PAGE}`;

/** Suppliers of a category or its descendants, anchored on the category, by name. */
const SEARCH_BY_CATEGORY = `
MATCH (:Category {id: $categoryId})<-[:CHILD_OF*0..5]-(:Category)<-[:SUPPLIES]-(o:Organization)
WITH DISTINCT o WHERE ${SUPPLIER_FILTER}
WITH o ORDER BY o.name ASC, o.id ASC
WITH collect(${SEARCH_FIELDS}) AS rows
${PAGE}`;

/** All suppliers, optionally of one country, by name. */
const SEARCH_ALL = `
MATCH (o:Organization) WHERE ${SUPPLIER_FILTER}
WITH o ORDER BY o.name ASC, o.id ASC
WITH collect(${SEARCH_FIELDS}) AS rows
${PAGE}`;

export interface SupplierSearch {
  /** A Lucene query string, already escaped. */
  query: string | null;
  categoryId: string | null;
  country: string | null;
  verifiedOnly: boolean;
  offset: number;
  limit: number;
}

/** Cypher of the network-ranked queries; each is one statement per request, with the longer network-query timeout. */
@Injectable()
export class TrustRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  async networkTraders(params: {
    viewerId: string;
    supplierId: string;
    maxDegree: Degree;
    offset: number;
    limit: number;
  }): Promise<{ total: number; items: NetworkTraderRow[] }> {
    const [row] = await this.neo4j.read<{ total: number; items: NetworkTraderRow[] }>(
      'TrustRepository.networkTraders',
      NETWORK_TRADERS_CYPHER[params.maxDegree],
      {
        ...params,
        maxDegree: int(params.maxDegree),
        offset: int(params.offset),
        limit: int(params.limit),
      },
      { timeoutMs: this.neo4j.networkTimeoutMs },
    );
    return row ?? { total: 0, items: [] };
  }

  /** How many people in the viewer's network traded with the supplier, per degree 1 to 3 (degrees with none left out). */
  async networkTradeSummary(params: {
    viewerId: string;
    supplierId: string;
  }): Promise<{ degree: number; people: number }[]> {
    return this.neo4j.read<{ degree: number; people: number }>(
      'TrustRepository.networkTradeSummary',
      NETWORK_TRADE_SUMMARY_CYPHER,
      params,
      {
        timeoutMs: this.neo4j.networkTimeoutMs,
      },
    );
  }

  async shortlistEvidence(params: { viewerId: string; categoryId: string; maxDegree: Degree }): Promise<EvidenceRow[]> {
    const rows = await this.neo4j.read<{ fact: EvidenceRow }>(
      'TrustRepository.shortlistEvidence',
      SHORTLIST_EVIDENCE_CYPHER[params.maxDegree],
      {
        ...params,
        maxDegree: int(params.maxDegree),
      },
      { timeoutMs: this.neo4j.networkTimeoutMs },
    );
    return rows.map((row) => row.fact);
  }

  async searchSuppliers<T>(search: SupplierSearch): Promise<{ total: number; items: T[] }> {
    const cypher =
      search.query !== null ? SEARCH_BY_TEXT : search.categoryId !== null ? SEARCH_BY_CATEGORY : SEARCH_ALL;
    const [row] = await this.neo4j.read<{ total: number; items: T[] }>(
      'TrustRepository.searchSuppliers',
      cypher,
      {
        ...search,
        offset: int(search.offset),
        limit: int(search.limit),
      },
      { timeoutMs: this.neo4j.networkTimeoutMs },
    );
    return row ?? { total: 0, items: [] };
  }

  /**
   * Domain verification and vouching of each organization as the viewer may see them
   * (verification-cypher.ts); unknown ids are left out.
   */
  organizationVerification(viewerId: string, ids: readonly string[]): Promise<OrganizationVerification[]> {
    return this.neo4j.read<OrganizationVerification>(
      'TrustRepository.organizationVerification',
      ORGANIZATION_VERIFICATION,
      { viewerId, ids },
    );
  }
}
