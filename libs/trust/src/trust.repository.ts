import { Injectable } from '@nestjs/common';
import type { KeyedRow } from '#tradegraph/common';
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

/** Suppliers matching free text (full-text index on name and description): `o` with its `score`. */
const MATCH_BY_TEXT = `
CALL db.index.fulltext.queryNodes('organization_text', $query) YIELD node AS o, score
WHERE ${SUPPLIER_FILTER}
  AND ($categoryId IS NULL OR EXISTS { MATCH (o)-[:SUPPLIES]->(:Category)-[:CHILD_OF*0..5]->(:Category {id: $categoryId}) })`;

/** Suppliers of a category or its descendants, anchored on the category. */
const MATCH_BY_CATEGORY = `
MATCH (:Category {id: $categoryId})<-[:CHILD_OF*0..5]-(:Category)<-[:SUPPLIES]-(o:Organization)
WITH DISTINCT o WHERE ${SUPPLIER_FILTER}`;

/** All suppliers, optionally of one country. */
const MATCH_ALL = `
MATCH (o:Organization) WHERE ${SUPPLIER_FILTER}`;

/**
 * A page of text matches by relevance, then name and id; by offset, since relevance scores are not a
 * stable key (they change with every write to the index: document counts and field lengths).
 */
const SEARCH_BY_TEXT = `${MATCH_BY_TEXT}
WITH o, score ORDER BY score DESC, o.name ASC, o.id ASC SKIP $offset LIMIT $limit + 1
RETURN ${SEARCH_FIELDS} AS node`;

/** A keyset page by name then id: strictly after `$after` ({name, id}). */
const BY_NAME_PAGE = `
  AND ($after IS NULL OR o.name > $after.name OR (o.name = $after.name AND o.id > $after.id))
WITH o ORDER BY o.name ASC, o.id ASC LIMIT $limit + 1
RETURN ${SEARCH_FIELDS} AS node, [o.name, o.id] AS key`;

export interface SupplierFilter {
  /** A Lucene query string, already escaped; null to list suppliers by name. */
  query: string | null;
  categoryId: string | null;
  country: string | null;
  verifiedOnly: boolean;
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

  /** Up to `limit + 1` suppliers matching the text query, from `offset`, by relevance then name and id. */
  async searchSuppliersByText<T>(filter: SupplierFilter, offset: number, limit: number): Promise<T[]> {
    const rows = await this.neo4j.read<{ node: T }>(
      'TrustRepository.searchSuppliersByText',
      SEARCH_BY_TEXT,
      { ...filter, offset: int(offset), limit: int(limit) },
      { timeoutMs: this.neo4j.networkTimeoutMs },
    );
    return rows.map((row) => row.node);
  }

  /** Up to `limit + 1` suppliers (of the category, when given) by name then id, strictly after `after`. */
  searchSuppliersByName<T>(
    filter: SupplierFilter,
    after: { name: string; id: string } | null,
    limit: number,
  ): Promise<KeyedRow<T>[]> {
    return this.neo4j.read<KeyedRow<T>>(
      'TrustRepository.searchSuppliersByName',
      `${filter.categoryId !== null ? MATCH_BY_CATEGORY : MATCH_ALL}${BY_NAME_PAGE}`,
      { ...filter, after, limit: int(limit) },
      { timeoutMs: this.neo4j.networkTimeoutMs },
    );
  }

  /** How many suppliers match the search, whichever order it is listed in. */
  async countSuppliers(filter: SupplierFilter): Promise<number> {
    const match = filter.query !== null ? MATCH_BY_TEXT : filter.categoryId !== null ? MATCH_BY_CATEGORY : MATCH_ALL;
    const [row] = await this.neo4j.read<{ total: number }>(
      'TrustRepository.countSuppliers',
      `${match}
       RETURN count(o) AS total`,
      { ...filter },
      { timeoutMs: this.neo4j.networkTimeoutMs },
    );
    return row?.total ?? 0;
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
