import { Injectable } from '@nestjs/common';
import { Neo4jService } from '#tradegraph/graph';
import { MAY_NAME_IN_SEARCH, MAY_SEE_PERSON, PathPerson, TRADE_VISIBLE_TO_VIEWER } from '#tradegraph/policy';
import { int } from 'neo4j-driver';
import { Degree, NETWORK_TRADE_SUMMARY_CYPHER, NETWORK_TRADERS_CYPHER } from './network-traders-cypher.js';
import { EvidenceFact } from './scoring.js';
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

/** The viewer's network within maxDegree, as (person, degree) rows; one expansion per exact length. */
const NETWORK = `
CALL (viewer) {
  MATCH (viewer)-[:CONNECTED_TO]-(p:Person) RETURN p, 1 AS d
  UNION
  WITH viewer WHERE $maxDegree >= 2 MATCH (viewer)-[:CONNECTED_TO*2]-(p:Person) RETURN p, 2 AS d
  UNION
  WITH viewer WHERE $maxDegree >= 3 MATCH (viewer)-[:CONNECTED_TO*3]-(p:Person) RETURN p, 3 AS d
}
WITH viewer, cats, p, min(d) AS degree WHERE p <> viewer AND ${MAY_SEE_PERSON('viewer', 'p')}`;

/** The person behind a piece of evidence may not be named in network searches (they opted out). */
const HIDDEN = (v: string) => `NOT ${MAY_NAME_IN_SEARCH('viewer', v)}`;

/** Of a trade's recorder, confirmer and feedback author, those the viewer may not name in network searches. */
const TRADE_HIDDEN_PEOPLE = `[x IN COLLECT { MATCH (q:Person)-[:RECORDED|CONFIRMED]->(t) RETURN q }
  + COLLECT { MATCH (q:Person)-[:WROTE]->(:Feedback)-[:ABOUT]->(t) RETURN q } WHERE ${HIDDEN('x')} | x.id]`;

/** A supplier counts when it currently supplies a category in C and the viewer is not one of its current members. */
const CANDIDATE = `EXISTS { MATCH (s)-[:SUPPLIES]->(sc:Category) WHERE sc IN cats }
  AND NOT EXISTS { MATCH (viewer)-[:WORKS_AT {status: 'APPROVED'}]->(s) }`;

/**
 * Every piece of evidence for every candidate supplier in category C (the category and its
 * descendants), from the viewer's network within maxDegree, plus answers to the viewer's sourcing
 * requests from direct connections (as referrals). People blocked either way with the viewer are
 * no part of the network here; each fact says whether its person may be named (`hidden`) and which
 * people its endorsement or trade must not name (`hiddenPersonIds`). Contributions are computed by
 * the caller (scoring.ts) so that the formula lives in one readable place.
 */
export const SHORTLIST_EVIDENCE_CYPHER = `
MATCH (viewer:Person {id: $viewerId})
MATCH (:Category {id: $categoryId})<-[:CHILD_OF*0..5]-(c:Category)
WITH viewer, collect(c) AS cats
${NETWORK}
WITH viewer, cats, collect({p: p, degree: degree}) AS network
CALL (viewer, cats, network) {
  UNWIND network AS member
  WITH viewer, cats, member.p AS p, member.degree AS degree
  MATCH (p)-[:ENDORSED]->(e:Endorsement)-[:OF]->(s:Organization), (e)-[:IN_CATEGORY]->(ec:Category)
  WHERE ec IN cats AND ${CANDIDATE}
  RETURN {kind: 'ENDORSEMENT', id: e.id, supplierId: s.id, supplierName: s.name, personId: p.id, degree: degree,
          hidden: ${HIDDEN('p')}, hiddenPersonIds: CASE WHEN ${HIDDEN('p')} THEN [p.id] ELSE [] END,
          rating: e.rating, updatedAt: e.updatedAt,
          verified: EXISTS {
            MATCH (p)-[w:WORKS_AT]->(:Organization)<-[:BUYER]-(t:Trade {status: 'CONFIRMED'})-[:SUPPLIER]->(s)
            WHERE (w.status = 'APPROVED' OR (w.status = 'ENDED' AND w.approvedAt IS NOT NULL))
              AND ${TRADE_VISIBLE_TO_VIEWER}
          }} AS fact
  UNION
  UNWIND network AS member
  WITH viewer, cats, member.p AS p, member.degree AS degree
  MATCH (p)-[:WORKS_AT {status: 'APPROVED'}]->(:Organization)<-[:BUYER]-(t:Trade {status: 'CONFIRMED'})-[:SUPPLIER]->(s:Organization),
        (t)-[:IN_CATEGORY]->(tc:Category)
  WHERE tc IN cats AND ${CANDIDATE} AND ${TRADE_VISIBLE_TO_VIEWER}
  WITH viewer, t, s, p, degree ORDER BY degree ASC, p.id ASC
  WITH viewer, t, s, head(collect({id: p.id, degree: degree, hidden: ${HIDDEN('p')}})) AS nearest
  MATCH (t)-[:BUYER]->(b:Organization)
  OPTIONAL MATCH (f:Feedback)-[:ABOUT]->(t)
  RETURN {kind: 'TRADE', id: t.id, supplierId: s.id, supplierName: s.name, personId: nearest.id,
          degree: nearest.degree, hidden: nearest.hidden, hiddenPersonIds: ${TRADE_HIDDEN_PEOPLE}, occurredOn: t.occurredOn,
          feedbackAverage: (f.quality + f.delivery + f.communication) / 3.0,
          supplierVerified: ${DOMAIN_VERIFIED('s')}, buyerVerified: ${DOMAIN_VERIFIED('b')}} AS fact
  UNION
  MATCH (viewer)<-[:REFERRED_TO]-(r:Referral)<-[:REFERRED]-(sender:Person),
        (r)-[:ABOUT]->(s:Organization), (r)-[:IN_CATEGORY]->(rc:Category)
  WHERE rc IN cats AND ${CANDIDATE}
  UNWIND network AS member
  WITH viewer, r, s, sender, member WHERE member.p = sender
  RETURN {kind: 'REFERRAL', id: r.id, supplierId: s.id, supplierName: s.name, personId: sender.id,
          degree: member.degree, hidden: ${HIDDEN('sender')}, hiddenPersonIds: [], createdAt: r.createdAt} AS fact
  UNION
  // An answer to one of the viewer's sourcing requests counts as a referral while its answerer is a direct connection.
  MATCH (viewer)-[:POSTED]->(q:SourcingRequest)-[:FOR_CATEGORY]->(qc:Category),
        (answerer:Person)-[:ANSWERED]->(a:SourcingAnswer)-[:TO_REQUEST]->(q), (a)-[:SUGGESTS]->(s:Organization)
  WHERE qc IN cats AND ${CANDIDATE} AND EXISTS { (viewer)-[:CONNECTED_TO]-(answerer) }
    AND ${MAY_SEE_PERSON('viewer', 'answerer')}
  RETURN {kind: 'REFERRAL', id: a.id, supplierId: s.id, supplierName: s.name, personId: answerer.id,
          degree: 1, hidden: ${HIDDEN('answerer')}, hiddenPersonIds: [], createdAt: a.createdAt} AS fact
}
RETURN fact`;

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
      SHORTLIST_EVIDENCE_CYPHER,
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
