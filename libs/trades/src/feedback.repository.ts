import { Injectable } from '@nestjs/common';
import { Neo4jService } from '#tradegraph/graph';
import { Feedback } from './models/feedback.model.js';
import { withAverage } from './scores.js';

const FEEDBACK_FIELDS = `f {.id, .tradeId, .quality, .delivery, .communication, comment: f.comment,
  createdAt: f.createdAt, updatedAt: f.updatedAt, authorId: author.id}`;

export interface FeedbackScores {
  id: string;
  tradeId: string;
  authorId: string;
  quality: number;
  delivery: number;
  communication: number;
  comment: string | null;
}

/** Cypher for Feedback nodes: (:Person)-[:WROTE]->(f:Feedback)-[:ABOUT]->(:Trade). */
@Injectable()
export class FeedbackRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  /**
   * Creates or replaces the one feedback of a CONFIRMED trade, written by a current member of its buyer
   * who is not a current member of its supplier; null when any of this no longer holds. The trade is locked first and the node is MERGEd on the unique
   * tradeId, so concurrent calls leave exactly one Feedback; a replacement keeps its id and createdAt.
   * `changed` is false for an identical repeat (same author, scores and comment), which also keeps updatedAt.
   */
  async upsert(scores: FeedbackScores): Promise<{ feedback: Feedback; changed: boolean } | null> {
    const [row] = await this.neo4j.write<{ feedback: Omit<Feedback, 'average'>; changed: boolean }>(
      'FeedbackRepository.upsert',
      `MATCH (t:Trade {id: $tradeId})
       SET t._lock = true REMOVE t._lock
       WITH t
       MATCH (t)-[:BUYER]->(b:Organization), (t)-[:SUPPLIER]->(s:Organization), (author:Person {id: $authorId})
       WHERE t.status = 'CONFIRMED' AND EXISTS { (author)-[:WORKS_AT {status: 'APPROVED'}]->(b) }
         AND NOT EXISTS { (author)-[:WORKS_AT {status: 'APPROVED'}]->(s) }
       MERGE (f:Feedback {tradeId: $tradeId})
         ON CREATE SET f.id = $id, f.createdAt = datetime()
       WITH t, f, author,
            f.quality IS NULL OR f.quality <> $quality OR f.delivery <> $delivery
              OR f.communication <> $communication OR coalesce(f.comment, '') <> coalesce($comment, '')
              OR NOT EXISTS { (author)-[:WROTE]->(f) } AS changed
       SET f.quality = $quality, f.delivery = $delivery, f.communication = $communication,
           f.comment = $comment, f.updatedAt = CASE WHEN changed THEN datetime() ELSE f.updatedAt END
       MERGE (f)-[:ABOUT]->(t)
       WITH f, author, changed
       CALL (f, author) {
         MATCH (previous:Person)-[wrote:WROTE]->(f) WHERE previous <> author
         DELETE wrote
       }
       MERGE (author)-[:WROTE]->(f)
       RETURN ${FEEDBACK_FIELDS} AS feedback, changed`,
      { ...scores },
    );
    return row ? { feedback: withAverage(row.feedback), changed: row.changed } : null;
  }

  /** The feedback of each of these trades that has one. */
  async forTrades(tradeIds: readonly string[]): Promise<Feedback[]> {
    const rows = await this.neo4j.read<{ feedback: Omit<Feedback, 'average'> }>(
      'FeedbackRepository.forTrades',
      `UNWIND $tradeIds AS tradeId
       MATCH (author:Person)-[:WROTE]->(f:Feedback {tradeId: tradeId})-[:ABOUT]->(:Trade)
       RETURN ${FEEDBACK_FIELDS} AS feedback`,
      { tradeIds },
    );
    return rows.map((row) => withAverage(row.feedback));
  }
}
