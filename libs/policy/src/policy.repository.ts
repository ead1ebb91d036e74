import { Injectable } from '@nestjs/common';
import { Neo4jService } from '#tradegraph/graph';
import { PathPerson } from './path-visibility.js';
import { BLOCKED_BETWEEN, MAY_NAME_IN_SEARCH, MAY_SEE_PERSON, PATH_PERSON, PathNaming } from './policy-cypher.js';

/** The policy's own statements, for services that judge people in TypeScript rather than in their Cypher. */
@Injectable()
export class PolicyRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  /** Of the given people, those the viewer may see (not blocked either way); unknown ids are left out. */
  async visiblePeople(viewerId: string, personIds: readonly string[]): Promise<string[]> {
    const rows = await this.neo4j.read<{ id: string }>(
      `MATCH (viewer:Person {id: $viewerId})
       UNWIND $personIds AS personId
       MATCH (p:Person {id: personId})
       WHERE ${MAY_SEE_PERSON('viewer', 'p')}
       RETURN p.id AS id`,
      { viewerId, personIds },
    );
    return rows.map((row) => row.id);
  }

  /** Of the given people, those the viewer may name in network-search results. */
  async nameableInSearch(viewerId: string, personIds: readonly string[]): Promise<string[]> {
    const rows = await this.neo4j.read<{ id: string }>(
      `MATCH (viewer:Person {id: $viewerId})
       UNWIND $personIds AS personId
       MATCH (p:Person {id: personId})
       WHERE ${MAY_NAME_IN_SEARCH('viewer', 'p')}
       RETURN p.id AS id`,
      { viewerId, personIds },
    );
    return rows.map((row) => row.id);
  }

  /** Whether either of two people blocked the other. */
  async blockedBetween(aId: string, bId: string): Promise<boolean> {
    const [row] = await this.neo4j.read<{ blocked: boolean }>(
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
