import { Injectable } from '@nestjs/common';
import { Neo4jService } from '#tradegraph/graph';
import { TRADE_VISIBLE } from '#tradegraph/policy';
import { int } from 'neo4j-driver';
import { Endorsement } from './models/endorsement.model.js';

const ENDORSEMENT_FIELDS = `e {.id, .endorserId, .supplierId, .categoryId, .rating, comment: e.comment,
  .createdAt, .updatedAt}`;

export interface EndorsementDraft {
  id: string;
  endorserId: string;
  supplierId: string;
  categoryId: string;
  rating: number;
  comment: string | null;
}

/**
 * Cypher for endorsements: (:Person)-[:ENDORSED]->(:Endorsement)-[:OF]->(:Organization),
 * (:Endorsement)-[:IN_CATEGORY]->(:Category).
 */
@Injectable()
export class EndorsementsRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  /**
   * Creates the endorsement or, when the endorser already endorsed this supplier in this category,
   * updates its rating and comment (keeping id and createdAt). MERGE on the three key properties,
   * backed by their composite uniqueness constraint, and the lock on the endorser make concurrent
   * identical calls converge on one node. The supplier-supplies-category and not-a-member rules are
   * checked again here, under the lock; null when they no longer hold (or a node is missing).
   * `changed` is false for an identical repeat (same rating and comment), which also keeps updatedAt.
   */
  async upsert(draft: EndorsementDraft): Promise<{ endorsement: Endorsement; changed: boolean } | null> {
    const [row] = await this.neo4j.write<{ endorsement: Endorsement; changed: boolean }>(
      'EndorsementsRepository.upsert',
      `MATCH (p:Person {id: $endorserId}), (o:Organization {id: $supplierId})-[:SUPPLIES]->(c:Category {id: $categoryId})
       SET p._lock = true REMOVE p._lock
       WITH p, o, c
       WHERE NOT EXISTS { (p)-[:WORKS_AT {status: 'APPROVED'}]->(o) }
       MERGE (e:Endorsement {endorserId: $endorserId, supplierId: $supplierId, categoryId: $categoryId})
       ON CREATE SET e.id = $id, e.createdAt = datetime()
       WITH p, o, c, e,
            e.rating IS NULL OR e.rating <> $rating OR coalesce(e.comment, '') <> coalesce($comment, '') AS changed
       SET e.rating = $rating, e.comment = $comment,
           e.updatedAt = CASE WHEN changed THEN datetime() ELSE e.updatedAt END
       MERGE (p)-[:ENDORSED]->(e)
       MERGE (e)-[:OF]->(o)
       MERGE (e)-[:IN_CATEGORY]->(c)
       RETURN ${ENDORSEMENT_FIELDS} AS endorsement, changed`,
      { ...draft, rating: int(draft.rating) },
    );
    return row ?? null;
  }

  async findByIds(ids: readonly string[]): Promise<Endorsement[]> {
    const rows = await this.neo4j.read<{ endorsement: Endorsement }>(
      'EndorsementsRepository.findByIds',
      `UNWIND $ids AS id
       MATCH (e:Endorsement {id: id})
       RETURN ${ENDORSEMENT_FIELDS} AS endorsement`,
      { ids },
    );
    return rows.map((row) => row.endorsement);
  }

  /** Deletes the endorsement if it is still the endorser's; false when there was nothing to delete. */
  async delete(id: string, endorserId: string): Promise<boolean> {
    const rows = await this.neo4j.write(
      'EndorsementsRepository.delete',
      `MATCH (e:Endorsement {id: $id, endorserId: $endorserId})
       DETACH DELETE e
       RETURN true AS deleted`,
      { id, endorserId },
    );
    return rows.length > 0;
  }

  /** True when the person is a current member (APPROVED employment) of the organization. */
  async isCurrentMember(personId: string, organizationId: string): Promise<boolean> {
    const [row] = await this.neo4j.read<{ member: boolean }>(
      'EndorsementsRepository.isCurrentMember',
      `RETURN EXISTS {
         (:Person {id: $personId})-[:WORKS_AT {status: 'APPROVED'}]->(:Organization {id: $organizationId})
       } AS member`,
      { personId, organizationId },
    );
    return row?.member ?? false;
  }

  /**
   * For each endorsement, whether its endorser has or had an approved employment at an organization
   * that is the buyer in a CONFIRMED trade, visible to the viewer, with the endorsed supplier.
   * An ENDED employment counts only when it had been approved (it carries approvedAt).
   */
  async verified(ids: readonly string[], viewerId: string): Promise<{ id: string; verified: boolean }[]> {
    return this.neo4j.read<{ id: string; verified: boolean }>(
      'EndorsementsRepository.verified',
      `UNWIND $ids AS id
       MATCH (p:Person)-[:ENDORSED]->(:Endorsement {id: id})-[:OF]->(supplier:Organization)
       OPTIONAL MATCH (viewer:Person {id: $viewerId})
       RETURN id, EXISTS {
         MATCH (p)-[w:WORKS_AT]->(:Organization)<-[:BUYER]-(t:Trade {status: 'CONFIRMED'})-[:SUPPLIER]->(supplier)
         WHERE (w.status = 'APPROVED' OR (w.status = 'ENDED' AND w.approvedAt IS NOT NULL))
           AND ${TRADE_VISIBLE('viewer', 't')}
       } AS verified`,
      { ids, viewerId },
    );
  }

  /** One page of a supplier's endorsements, optionally in one category; newest update first, then id. */
  async pageBySupplier(
    supplierId: string,
    categoryId: string | null,
    offset: number,
    limit: number,
  ): Promise<{ total: number; items: Endorsement[] }> {
    const [row] = await this.neo4j.read<{ total: number; items: Endorsement[] }>(
      'EndorsementsRepository.pageBySupplier',
      `MATCH (o:Organization {id: $supplierId})
       CALL (o) {
         MATCH (e:Endorsement)-[:OF]->(o)
         WHERE $categoryId IS NULL OR e.categoryId = $categoryId
         RETURN count(e) AS total
       }
       CALL (o) {
         MATCH (e:Endorsement)-[:OF]->(o)
         WHERE $categoryId IS NULL OR e.categoryId = $categoryId
         WITH e ORDER BY e.updatedAt DESC, e.id SKIP $offset LIMIT $limit
         RETURN collect(${ENDORSEMENT_FIELDS}) AS items
       }
       RETURN total, items`,
      { supplierId, categoryId, offset: int(offset), limit: int(limit) },
    );
    return row ?? { total: 0, items: [] };
  }
}
