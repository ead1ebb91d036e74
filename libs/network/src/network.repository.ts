import { Injectable } from '@nestjs/common';
import { Neo4jService } from '#tradegraph/graph';
import { Person } from '#tradegraph/people';
import {
  BLOCKED_BETWEEN,
  CONNECTIONS_VISIBLE,
  EDGE_VISIBLE,
  MAY_SEE_PERSON,
  PathPerson,
  SHORTEST_PATH_CANDIDATES,
} from '#tradegraph/policy';
import { int } from 'neo4j-driver';
import { ConnectionRequestStatus } from './models/connection-request-status.enum.js';
import { ConnectionRequest } from './models/connection-request.model.js';
import { MAX_DEGREE, MAX_PATH_DEPTH } from './network-rules.js';

/** The Person projection, as the people lib returns it, so path and page queries need no second lookup. */
const personFields = (v: string) => `${v} {.id, .name, headline: ${v}.headline, country: ${v}.country}`;

const REQUEST_FIELDS = 'r {.id, .status, message: r.message, createdAt: r.createdAt, fromId: a.id, toId: b.id}';

/**
 * Write-locks both people of a pair, always in id order so that two transactions on the same pair
 * queue instead of deadlocking. Every write that touches a pair's requests or connection takes it,
 * so the checks that follow it see the final state.
 */
const LOCK_PAIR =
  'FOREACH (n IN CASE WHEN a.id < b.id THEN [a, b] ELSE [b, a] END | SET n._lock = true REMOVE n._lock)';

/** A request and its pair, locked (pair first, then the request), kept only while still PENDING. */
const MATCH_REQUEST = `MATCH (a:Person)-[:SENT_REQUEST]->(r:ConnectionRequest {id: $id})-[:REQUEST_TO]->(b:Person)
  ${LOCK_PAIR}
  SET r._lock = true REMOVE r._lock
  WITH a, r, b
  WHERE r.status = 'PENDING'`;

/**
 * One fixed statement per allowed depth, built at load time: a variable-length bound cannot be a
 * parameter, so the validated maxDepth only selects one of these strings and no input reaches Cypher.
 * A target the viewer may not see counts as not found; the candidates carry the policy's flags.
 */
const PATH_QUERIES = new Map(
  Array.from({ length: MAX_PATH_DEPTH }, (_, index) => index + 1).map((depth) => [
    depth,
    `MATCH (viewer:Person {id: $fromId})
     OPTIONAL MATCH (target:Person {id: $toId}) WHERE ${MAY_SEE_PERSON('viewer', 'target')}
     ${SHORTEST_PATH_CANDIDATES('viewer', 'target', depth, 'PERSON')}
     RETURN target IS NOT NULL AS found, candidates`,
  ]),
);

export interface PersonPage {
  total: number;
  items: Person[];
}

/** One person's page of connection requests. */
export interface RequestPage {
  personId: string;
  total: number;
  items: ConnectionRequest[];
}

/**
 * Cypher of the network: exactly one (:Person)-[:CONNECTED_TO {since}]->(:Person) per connected pair,
 * of arbitrary direction and always matched undirected, and (from)-[:SENT_REQUEST]->(:ConnectionRequest)
 * -[:REQUEST_TO]->(to) for requests.
 */
@Injectable()
export class NetworkRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  /**
   * Creates a PENDING request unless the pair is connected, has a PENDING request either way, or
   * either blocked the other (the policy's BLOCKED_BETWEEN); null then.
   */
  async createRequest(request: {
    id: string;
    fromId: string;
    toId: string;
    message: string | null;
  }): Promise<ConnectionRequest | null> {
    const [row] = await this.neo4j.write<{ request: ConnectionRequest }>(
      'NetworkRepository.createRequest',
      `MATCH (a:Person {id: $fromId}), (b:Person {id: $toId})
       ${LOCK_PAIR}
       WITH a, b
       WHERE NOT EXISTS { (a)-[:CONNECTED_TO]-(b) }
         AND NOT ${BLOCKED_BETWEEN('a', 'b')}
         AND NOT EXISTS { (a)-[:SENT_REQUEST]->(:ConnectionRequest {status: 'PENDING'})-[:REQUEST_TO]->(b) }
         AND NOT EXISTS { (b)-[:SENT_REQUEST]->(:ConnectionRequest {status: 'PENDING'})-[:REQUEST_TO]->(a) }
       CREATE (a)-[:SENT_REQUEST]->(r:ConnectionRequest {id: $id, status: 'PENDING', message: $message,
                                                         createdAt: datetime(), respondedAt: null})-[:REQUEST_TO]->(b)
       RETURN ${REQUEST_FIELDS} AS request`,
      request,
    );
    return row?.request ?? null;
  }

  /**
   * Why no request could be created: whether `bId` exists for `aId` (a blocked pair does not, either
   * way), whether the two are connected, and whether a PENDING request stands between them either way.
   */
  async pairState(aId: string, bId: string): Promise<{ found: boolean; connected: boolean; pending: boolean }> {
    const [row] = await this.neo4j.read<{ found: boolean; connected: boolean; pending: boolean }>(
      'NetworkRepository.pairState',
      `OPTIONAL MATCH (a:Person {id: $aId})
       OPTIONAL MATCH (b:Person {id: $bId})
       RETURN a IS NOT NULL AND b IS NOT NULL AND ${MAY_SEE_PERSON('a', 'b')} AS found,
              EXISTS { (a)-[:CONNECTED_TO]-(b) } AS connected,
              EXISTS { (a)-[:SENT_REQUEST]->(:ConnectionRequest {status: 'PENDING'})-[:REQUEST_TO]->(b) }
                OR EXISTS { (b)-[:SENT_REQUEST]->(:ConnectionRequest {status: 'PENDING'})-[:REQUEST_TO]->(a) }
                AS pending`,
      { aId, bId },
    );
    return row;
  }

  async findRequestsByIds(ids: readonly string[]): Promise<ConnectionRequest[]> {
    const rows = await this.neo4j.read<{ request: ConnectionRequest }>(
      'NetworkRepository.findRequestsByIds',
      `UNWIND $ids AS id
       MATCH (a:Person)-[:SENT_REQUEST]->(r:ConnectionRequest {id: id})-[:REQUEST_TO]->(b:Person)
       RETURN ${REQUEST_FIELDS} AS request`,
      { ids },
    );
    return rows.map((row) => row.request);
  }

  /**
   * Accepts or declines a PENDING request; accepting creates the pair's one connection. Null when the
   * request was not PENDING any more once the locks were held.
   */
  async respond(id: string, accept: boolean): Promise<ConnectionRequest | null> {
    const [row] = await this.neo4j.write<{ request: ConnectionRequest }>(
      'NetworkRepository.respond',
      `${MATCH_REQUEST}
       SET r.status = $status, r.respondedAt = datetime()
       FOREACH (_ IN CASE WHEN $accept AND NOT EXISTS { (a)-[:CONNECTED_TO]-(b) } THEN [1] ELSE [] END |
         CREATE (a)-[:CONNECTED_TO {since: datetime()}]->(b))
       RETURN ${REQUEST_FIELDS} AS request`,
      { id, accept, status: accept ? ConnectionRequestStatus.ACCEPTED : ConnectionRequestStatus.DECLINED },
    );
    return row?.request ?? null;
  }

  /** Withdraws a PENDING request; null when it was not PENDING any more. */
  async withdraw(id: string): Promise<ConnectionRequest | null> {
    const [row] = await this.neo4j.write<{ request: ConnectionRequest }>(
      'NetworkRepository.withdraw',
      `${MATCH_REQUEST}
       SET r.status = $status, r.withdrawnAt = datetime()
       RETURN ${REQUEST_FIELDS} AS request`,
      { id, status: ConnectionRequestStatus.WITHDRAWN },
    );
    return row?.request ?? null;
  }

  /** Deletes the connection between two people, whichever its direction; false when there was none. */
  async removeConnection(aId: string, bId: string): Promise<boolean> {
    const [row] = await this.neo4j.write<{ removed: number }>(
      'NetworkRepository.removeConnection',
      `MATCH (a:Person {id: $aId}), (b:Person {id: $bId})
       ${LOCK_PAIR}
       WITH a, b
       OPTIONAL MATCH (a)-[c:CONNECTED_TO]-(b)
       DELETE c
       RETURN count(c) AS removed`,
      { aId, bId },
    );
    return (row?.removed ?? 0) > 0;
  }

  /**
   * The shortest paths (up to the policy's PATH_CANDIDATE_LIMIT) of at most `maxDepth` connections
   * between two different people, each person with the policy's path flags (none when there is no
   * path); `found` is false when the target does not exist for the viewer, and no row comes back when
   * the viewer does not.
   */
  async shortestPaths(
    fromId: string,
    toId: string,
    maxDepth: number,
  ): Promise<{ found: boolean; candidates: PathPerson[][] } | null> {
    const cypher = PATH_QUERIES.get(maxDepth);
    if (cypher === undefined) throw new Error(`maxDepth ${maxDepth} is outside 1..${MAX_PATH_DEPTH}.`);
    const [row] = await this.neo4j.read<{ found: boolean; candidates: PathPerson[][] }>(
      'NetworkRepository.shortestPaths',
      cypher,
      { fromId, toId },
      { timeoutMs: this.neo4j.networkTimeoutMs },
    );
    return row ?? null;
  }

  /** Distance (1..MAX_DEGREE) from the viewer to each of the people within reach; others are left out. */
  async degrees(viewerId: string, personIds: readonly string[]): Promise<{ personId: string; degree: number }[]> {
    return this.neo4j.read<{ personId: string; degree: number }>(
      'NetworkRepository.degrees',
      `MATCH (v:Person {id: $viewerId})
       UNWIND $personIds AS personId
       MATCH (p:Person {id: personId})
       WHERE p <> v
       MATCH path = shortestPath((v)-[:CONNECTED_TO*..${MAX_DEGREE}]-(p))
       RETURN personId, length(path) AS degree`,
      { viewerId, personIds },
    );
  }

  /**
   * One page of the people connected to both the viewer and `personId`, ordered by name then id: each
   * one the viewer may see, and only where the viewer may learn their connection with `personId`
   * (their connection with the viewer is the viewer's own). Null when `personId` does not exist for
   * the viewer (a blocked pair does not, either way).
   */
  async mutualPage(viewerId: string, personId: string, offset: number, limit: number): Promise<PersonPage | null> {
    const [row] = await this.neo4j.read<{ found: boolean } & PersonPage>(
      'NetworkRepository.mutualPage',
      `MATCH (v:Person {id: $viewerId})
       OPTIONAL MATCH (p:Person {id: $personId}) WHERE ${MAY_SEE_PERSON('v', 'p')}
       CALL (v, p) {
         MATCH (v)-[:CONNECTED_TO]-(m:Person)-[:CONNECTED_TO]-(p)
         WHERE ${MAY_SEE_PERSON('v', 'm')} AND ${EDGE_VISIBLE('v', 'm', 'p')}
         RETURN count(DISTINCT m) AS total
       }
       CALL (v, p) {
         MATCH (v)-[:CONNECTED_TO]-(m:Person)-[:CONNECTED_TO]-(p)
         WHERE ${MAY_SEE_PERSON('v', 'm')} AND ${EDGE_VISIBLE('v', 'm', 'p')}
         WITH DISTINCT m ORDER BY m.name, m.id SKIP $offset LIMIT $limit
         RETURN collect(${personFields('m')}) AS items
       }
       RETURN p IS NOT NULL AS found, total, items`,
      { viewerId, personId, offset: int(offset), limit: int(limit) },
    );
    return row?.found ? { total: row.total, items: row.items } : null;
  }

  /**
   * The same page of direct connections (ordered by name then id) of each person, leaving out the
   * people the viewer may not see. The caller has checked that the owners' connections are visible.
   */
  async connectionPages(
    viewerId: string,
    personIds: readonly string[],
    offset: number,
    limit: number,
  ): Promise<({ personId: string } & PersonPage)[]> {
    return this.neo4j.read<{ personId: string } & PersonPage>(
      'NetworkRepository.connectionPages',
      `MATCH (viewer:Person {id: $viewerId})
       UNWIND $personIds AS personId
       MATCH (p:Person {id: personId})
       CALL (viewer, p) {
         MATCH (p)-[:CONNECTED_TO]-(c:Person) WHERE ${MAY_SEE_PERSON('viewer', 'c')}
         RETURN count(c) AS total
       }
       CALL (viewer, p) {
         MATCH (p)-[:CONNECTED_TO]-(c:Person) WHERE ${MAY_SEE_PERSON('viewer', 'c')}
         WITH c ORDER BY c.name, c.id SKIP $offset LIMIT $limit
         RETURN collect(${personFields('c')}) AS items
       }
       RETURN personId, total, items`,
      { viewerId, personIds, offset: int(offset), limit: int(limit) },
    );
  }

  /** Which of the people let the viewer see their connections (the policy's CONNECTIONS_VISIBLE). */
  async connectionsVisibleTo(viewerId: string, personIds: readonly string[]): Promise<string[]> {
    const rows = await this.neo4j.read<{ personId: string }>(
      'NetworkRepository.connectionsVisibleTo',
      `MATCH (viewer:Person {id: $viewerId})
       UNWIND $personIds AS personId
       MATCH (p:Person {id: personId})
       WHERE ${CONNECTIONS_VISIBLE('viewer', 'p')}
       RETURN p.id AS personId`,
      { viewerId, personIds },
    );
    return rows.map((row) => row.personId);
  }

  /** How many connections of each person the viewer may see, as connectionPages counts them. */
  async connectionCounts(
    viewerId: string,
    personIds: readonly string[],
  ): Promise<{ personId: string; count: number }[]> {
    return this.neo4j.read<{ personId: string; count: number }>(
      'NetworkRepository.connectionCounts',
      `MATCH (viewer:Person {id: $viewerId})
       UNWIND $personIds AS personId
       MATCH (p:Person {id: personId})
       RETURN personId, COUNT { MATCH (p)-[:CONNECTED_TO]-(c:Person) WHERE ${MAY_SEE_PERSON('viewer', 'c')} } AS count`,
      { viewerId, personIds },
    );
  }

  /** The same page of PENDING requests sent to each person, newest first. */
  async incomingRequestPages(personIds: readonly string[], offset: number, limit: number): Promise<RequestPage[]> {
    return this.neo4j.read<RequestPage>(
      'NetworkRepository.incomingRequestPages',
      `UNWIND $personIds AS personId
       MATCH (b:Person {id: personId})
       CALL (b) {
         MATCH (:Person)-[:SENT_REQUEST]->(r:ConnectionRequest {status: 'PENDING'})-[:REQUEST_TO]->(b)
         RETURN count(r) AS total
       }
       CALL (b) {
         MATCH (a:Person)-[:SENT_REQUEST]->(r:ConnectionRequest {status: 'PENDING'})-[:REQUEST_TO]->(b)
         WITH a, r, b ORDER BY r.createdAt DESC, r.id SKIP $offset LIMIT $limit
         RETURN collect(${REQUEST_FIELDS}) AS items
       }
       RETURN personId, total, items`,
      { personIds, offset: int(offset), limit: int(limit) },
    );
  }

  /** The same page of PENDING requests sent by each person, newest first. */
  async outgoingRequestPages(personIds: readonly string[], offset: number, limit: number): Promise<RequestPage[]> {
    return this.neo4j.read<RequestPage>(
      'NetworkRepository.outgoingRequestPages',
      `UNWIND $personIds AS personId
       MATCH (a:Person {id: personId})
       CALL (a) {
         MATCH (a)-[:SENT_REQUEST]->(r:ConnectionRequest {status: 'PENDING'})-[:REQUEST_TO]->(:Person)
         RETURN count(r) AS total
       }
       CALL (a) {
         MATCH (a)-[:SENT_REQUEST]->(r:ConnectionRequest {status: 'PENDING'})-[:REQUEST_TO]->(b:Person)
         WITH a, r, b ORDER BY r.createdAt DESC, r.id SKIP $offset LIMIT $limit
         RETURN collect(${REQUEST_FIELDS}) AS items
       }
       RETURN personId, total, items`,
      { personIds, offset: int(offset), limit: int(limit) },
    );
  }
}
