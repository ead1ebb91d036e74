import { Injectable } from '@nestjs/common';
import { Neo4jService } from '#tradegraph/graph';
import { Person } from '#tradegraph/people';

/**
 * Cypher of blocking: (blocker:Person)-[:BLOCKED {createdAt}]->(blocked:Person), at most one per
 * ordered pair. The network, referrals and introductions libs check it in their own Cypher.
 */
@Injectable()
export class BlockingRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  /**
   * Blocks, removes the pair's connection and withdraws PENDING connection requests between them
   * (either way), under the same pair lock as the network lib's writes. False when a person is missing.
   */
  async block(blockerId: string, blockedId: string): Promise<boolean> {
    const [row] = await this.neo4j.write<{ done: boolean }>(
      `MATCH (a:Person {id: $blockerId}), (b:Person {id: $blockedId})
       FOREACH (n IN CASE WHEN a.id < b.id THEN [a, b] ELSE [b, a] END | SET n._lock = true REMOVE n._lock)
       MERGE (a)-[k:BLOCKED]->(b) ON CREATE SET k.createdAt = datetime()
       WITH a, b
       CALL (a, b) {
         OPTIONAL MATCH (a)-[c:CONNECTED_TO]-(b)
         DELETE c
       }
       CALL (a, b) {
         MATCH (a)-[:SENT_REQUEST|REQUEST_TO]-(r:ConnectionRequest {status: 'PENDING'})-[:SENT_REQUEST|REQUEST_TO]-(b)
         SET r.status = 'WITHDRAWN', r.withdrawnAt = datetime()
       }
       RETURN true AS done`,
      { blockerId, blockedId },
    );
    return row?.done ?? false;
  }

  /** Lifts a block if there is one; false when a person is missing. */
  async unblock(blockerId: string, blockedId: string): Promise<boolean> {
    const [row] = await this.neo4j.write<{ done: boolean }>(
      `MATCH (a:Person {id: $blockerId}), (b:Person {id: $blockedId})
       OPTIONAL MATCH (a)-[k:BLOCKED]->(b)
       DELETE k
       RETURN true AS done`,
      { blockerId, blockedId },
    );
    return row?.done ?? false;
  }

  /** The people each given person blocked, ordered by name then id. */
  async blockedBy(personIds: readonly string[]): Promise<{ personId: string; person: Person }[]> {
    return this.neo4j.read<{ personId: string; person: Person }>(
      `UNWIND $personIds AS personId
       MATCH (:Person {id: personId})-[:BLOCKED]->(b:Person)
       RETURN personId, b {.id, .name, headline: b.headline, country: b.country} AS person
       ORDER BY b.name, b.id`,
      { personIds },
    );
  }
}
