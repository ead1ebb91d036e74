import { Injectable } from '@nestjs/common';
import { Neo4jService } from '#tradegraph/graph';
import {
  MAY_NAME_IN_SEARCH,
  MAY_SEE_PERSON,
  PathPerson,
  SHORTEST_PATH_CANDIDATES,
  TRADE_VISIBLE_TO_VIEWER,
} from '#tradegraph/policy';
import { int } from 'neo4j-driver';
import { EvidenceFact } from './scoring.js';
import { DOMAIN_VERIFIED, ORGANIZATION_VERIFICATION } from './verification-cypher.js';
import type { OrganizationVerification } from './models/organization-verification.model.js';

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

/** Degrees allowed in network queries; a variable-length bound cannot be a query parameter. */
export type Degree = 1 | 2 | 3;

/** T(p): the people behind a confirmed trade t with buyer `buyer`: its current buyer members and its recorder. */
const TRADE_PEOPLE = `CALL (t, buyer) {
  MATCH (p:Person)-[:WORKS_AT {status: 'APPROVED'}]->(buyer) RETURN p
  UNION
  MATCH (p:Person)-[:RECORDED]->(t) RETURN p
}`;

/**
 * For "who in my network traded with X": anchored on the supplier (index seek), over its
 * CONFIRMED trades visible to the viewer, the people who are current members of each trade's
 * buyer or recorded it and whom the viewer may name in network searches; each is kept when a
 * shortest CONNECTED_TO path from the viewer is at most maxDegree long (bidirectional shortest-path
 * search between two bound nodes). Only the page's people get their candidate paths.
 */
export const NETWORK_TRADERS_CYPHER = `
MATCH (viewer:Person {id: $viewerId})
MATCH (:Organization {id: $supplierId})<-[:SUPPLIER]-(t:Trade {status: 'CONFIRMED'})
WHERE ${TRADE_VISIBLE_TO_VIEWER}
MATCH (t)-[:BUYER]->(buyer:Organization)
OPTIONAL MATCH (f:Feedback)-[:ABOUT]->(t)
WITH viewer, t, buyer, (f.quality + f.delivery + f.communication) / 3.0 AS rating
${TRADE_PEOPLE}
WITH viewer, p, collect({id: t.id, occurredOn: t.occurredOn, buyerId: buyer.id, rating: rating}) AS trades
// People who opted out of network searches or are blocked either way are never named here.
WHERE p <> viewer AND ${MAY_NAME_IN_SEARCH('viewer', 'p')}
MATCH path = shortestPath((viewer)-[:CONNECTED_TO*..3]-(p))
WITH viewer, p, trades, path WHERE length(path) <= $maxDegree
WITH viewer, p, trades, path,
     reduce(latest = head(trades), tr IN tail(trades) |
       CASE WHEN tr.occurredOn > latest.occurredOn OR (tr.occurredOn = latest.occurredOn AND tr.id < latest.id)
            THEN tr ELSE latest END) AS latest,
     [tr IN trades WHERE tr.rating IS NOT NULL | tr.rating] AS ratings
WITH viewer, {
  personId: p.id, degree: length(path), organizationId: latest.buyerId,
  tradeCount: size(trades), lastTradedOn: latest.occurredOn,
  averageRating: CASE WHEN size(ratings) = 0 THEN null ELSE reduce(s = 0.0, r IN ratings | s + r) / size(ratings) END
} AS row
ORDER BY row.degree ASC, row.tradeCount DESC, row.lastTradedOn DESC, row.personId ASC
WITH viewer, collect(row) AS rows
WITH viewer, size(rows) AS total, rows[$offset..($offset + $limit)] AS page
CALL (viewer, page) {
  UNWIND range(0, size(page) - 1) AS i
  WITH viewer, i, page[i] AS row
  MATCH (p:Person {id: row.personId})
  ${SHORTEST_PATH_CANDIDATES('viewer', 'p', 3, 'SEARCH')}
  WITH i, row {.*, candidates: candidates} AS item ORDER BY i
  RETURN collect(item) AS items
}
RETURN total, items`;

/**
 * For networkTradeSummary: the same people as NETWORK_TRADERS_CYPHER, including those who opted out
 * of network searches (but not people blocked either way), counted per degree up to 3 whatever the
 * maxDegree asked (small-counts.ts decides what to show across all of them). Only degrees with at
 * least one person come back.
 */
export const NETWORK_TRADE_SUMMARY_CYPHER = `
MATCH (viewer:Person {id: $viewerId})
MATCH (:Organization {id: $supplierId})<-[:SUPPLIER]-(t:Trade {status: 'CONFIRMED'})
WHERE ${TRADE_VISIBLE_TO_VIEWER}
MATCH (t)-[:BUYER]->(buyer:Organization)
${TRADE_PEOPLE}
WITH DISTINCT viewer, p WHERE p <> viewer AND ${MAY_SEE_PERSON('viewer', 'p')}
MATCH path = shortestPath((viewer)-[:CONNECTED_TO*..3]-(p))
RETURN length(path) AS degree, count(*) AS people`;

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
      NETWORK_TRADERS_CYPHER,
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
    return this.neo4j.read<{ degree: number; people: number }>(NETWORK_TRADE_SUMMARY_CYPHER, params, {
      timeoutMs: this.neo4j.networkTimeoutMs,
    });
  }

  async shortlistEvidence(params: { viewerId: string; categoryId: string; maxDegree: Degree }): Promise<EvidenceRow[]> {
    const rows = await this.neo4j.read<{ fact: EvidenceRow }>(
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

  /** Domain verification and vouching of each organization (verification-cypher.ts); unknown ids are left out. */
  organizationVerification(ids: readonly string[]): Promise<OrganizationVerification[]> {
    return this.neo4j.read<OrganizationVerification>(ORGANIZATION_VERIFICATION, { ids });
  }
}
