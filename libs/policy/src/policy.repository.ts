import { Injectable } from '@nestjs/common';
import { Neo4jService } from '#tradegraph/graph';
import { PathPerson } from './path-visibility.js';
import { MAY_START_CONVERSATION } from './contact-cypher.js';
import { BLOCKED_BETWEEN, PATH_PERSON, PathNaming } from './policy-cypher.js';

/** The policy's own statements, for services that judge people in TypeScript rather than in their Cypher. */
@Injectable()
export class PolicyRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  /** Whether either of two people blocked the other. */
  async blockedBetween(aId: string, bId: string): Promise<boolean> {
    const [row] = await this.neo4j.read<{ blocked: boolean }>(
      'PolicyRepository.blockedBetween',
      `OPTIONAL MATCH (a:Person {id: $aId})
       OPTIONAL MATCH (b:Person {id: $bId})
       RETURN a IS NOT NULL AND b IS NOT NULL AND ${BLOCKED_BETWEEN('a', 'b')} AS blocked`,
      { aId, bId },
    );
    return row?.blocked ?? false;
  }

  /** Which of `otherIds` blocked `personId` or were blocked by them. */
  async blockedAmong(personId: string, otherIds: readonly string[]): Promise<string[]> {
    const rows = await this.neo4j.read<{ id: string }>(
      'PolicyRepository.blockedAmong',
      `MATCH (p:Person {id: $personId})
       UNWIND $otherIds AS otherId
       MATCH (o:Person {id: otherId}) WHERE o <> p AND ${BLOCKED_BETWEEN('p', 'o')}
       RETURN o.id AS id`,
      { personId, otherIds },
    );
    return rows.map((row) => row.id);
  }

  /** Everyone the person blocked or was blocked by. */
  async blockedWith(personId: string): Promise<string[]> {
    const rows = await this.neo4j.read<{ id: string }>(
      'PolicyRepository.blockedWith',
      `MATCH (:Person {id: $personId})-[:BLOCKED]-(o:Person) RETURN DISTINCT o.id AS id`,
      { personId },
    );
    return rows.map((row) => row.id);
  }

  /** Which of `otherIds` the sender may start a conversation with (MAY_START_CONVERSATION). */
  async conversationPartners(
    senderId: string,
    otherIds: readonly string[],
    supplierIds: readonly string[],
  ): Promise<string[]> {
    const rows = await this.neo4j.read<{ id: string }>(
      'PolicyRepository.conversationPartners',
      `MATCH (sender:Person {id: $senderId})
       UNWIND $otherIds AS otherId
       MATCH (other:Person {id: otherId}) WHERE other <> sender AND ${MAY_START_CONVERSATION('sender', 'other')}
       RETURN other.id AS id`,
      { senderId, otherIds, supplierIds },
    );
    return rows.map((row) => row.id);
  }

  /** The people of a path with the flags the path rules need, in path order; unknown ids are left out. */
  async pathPeople(viewerId: string, personIds: readonly string[], naming: PathNaming): Promise<PathPerson[]> {
    const rows = await this.neo4j.read<{ person: PathPerson }>(
      'PolicyRepository.pathPeople',
      `MATCH (viewer:Person {id: $viewerId})
       UNWIND range(0, size($personIds) - 1) AS i
       MATCH (p:Person {id: $personIds[i]})
       RETURN ${PATH_PERSON('viewer', 'p', naming)} AS person
       ORDER BY i`,
      { viewerId, personIds },
    );
    return rows.map((row) => row.person);
  }
}
