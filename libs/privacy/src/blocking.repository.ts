import { Injectable } from '@nestjs/common';
import { Neo4jService } from '#tradegraph/graph';
import { Person } from '#tradegraph/people';
import { int } from 'neo4j-driver';

/**
 * Cypher of blocking: (blocker:Person)-[:BLOCKED {createdAt}]->(blocked:Person), at most one per
 * ordered pair. Other libs read it only through the policy lib's fragments (BLOCKED_BETWEEN and those
 * built on it); what a block ends at once is ended here, in the blocking statement itself.
 */
@Injectable()
export class BlockingRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  /**
   * Blocks and, in the same statement, ends what joined the two, either way: their connection, PENDING
   * connection requests, PENDING introductions both take part in (WITHDRAWN, under each one's lock as
   * the introductions lib takes it), and each one's place in the audience (VISIBLE_TO) of the other's
   * sourcing requests. Under the same pair lock as the network lib's writes. False when a person is missing.
   */
  async block(blockerId: string, blockedId: string): Promise<boolean> {
    const [row] = await this.neo4j.write<{ done: boolean }>(
      'BlockingRepository.block',
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
       CALL (a, b) {
         // Requester or a step of the path: both of them take part.
         MATCH (a)-[:REQUESTED_INTRODUCTION|STEP]-(i:Introduction {status: 'PENDING'})-[:REQUESTED_INTRODUCTION|STEP]-(b)
         WITH DISTINCT i
         SET i._lock = true REMOVE i._lock
         WITH i WHERE i.status = 'PENDING'
         SET i.status = 'WITHDRAWN', i.currentStep = null, i.withdrawnAt = datetime(), i.endedByBlock = true
       }
       CALL (a, b) {
         UNWIND [[a, b], [b, a]] AS pair
         WITH pair[0] AS poster, pair[1] AS member
         MATCH (poster)-[:POSTED]->(:SourcingRequest)-[v:VISIBLE_TO]->(member)
         DELETE v
       }
       RETURN true AS done`,
      { blockerId, blockedId },
    );
    return row?.done ?? false;
  }

  /** Lifts a block if there is one; false when a person is missing. */
  async unblock(blockerId: string, blockedId: string): Promise<boolean> {
    const [row] = await this.neo4j.write<{ done: boolean }>(
      'BlockingRepository.unblock',
      `MATCH (a:Person {id: $blockerId}), (b:Person {id: $blockedId})
       OPTIONAL MATCH (a)-[k:BLOCKED]->(b)
       DELETE k
       RETURN true AS done`,
      { blockerId, blockedId },
    );
    return row?.done ?? false;
  }

  /** The same page of the people each given person blocked, ordered by name then id. */
  async blockedPages(
    personIds: readonly string[],
    offset: number,
    limit: number,
  ): Promise<{ personId: string; total: number; items: Person[] }[]> {
    return this.neo4j.read<{ personId: string; total: number; items: Person[] }>(
      'BlockingRepository.blockedPages',
      `UNWIND $personIds AS personId
       MATCH (p:Person {id: personId})
       CALL (p) {
         MATCH (p)-[:BLOCKED]->(b:Person)
         RETURN count(b) AS total
       }
       CALL (p) {
         MATCH (p)-[:BLOCKED]->(b:Person)
         WITH b ORDER BY b.name, b.id SKIP $offset LIMIT $limit
         RETURN collect(b {.id, .name, headline: b.headline, country: b.country}) AS items
       }
       RETURN personId, total, items`,
      { personIds, offset: int(offset), limit: int(limit) },
    );
  }
}
