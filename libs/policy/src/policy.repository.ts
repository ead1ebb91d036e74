import { Injectable } from '@nestjs/common';
import { Neo4jService } from '#tradegraph/graph';
import { PathPerson } from './path-visibility.js';
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
