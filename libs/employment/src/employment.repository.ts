import { Injectable } from '@nestjs/common';
import type { KeyedRow } from '#tradegraph/common';
import { Neo4jService } from '#tradegraph/graph';
import { MAY_SEE_PERSON } from '#tradegraph/policy';
import { int } from 'neo4j-driver';
import { Employment } from './models/employment.model.js';

const EMPLOYMENT_FIELDS = `e {.id, .title, .status, .isAdmin, startedOn: e.startedOn, endedOn: e.endedOn,
  personId: p.id, organizationId: o.id,
  wasApproved: e.status = 'APPROVED' OR e.approvedAt IS NOT NULL}`;

/** Whether the person with this id (a parameter) is a current admin of `o`. */
const IS_ADMIN = (param: string) =>
  `EXISTS { (:Person {id: ${param}})-[:WORKS_AT {status: 'APPROVED', isAdmin: true}]->(o) }`;
/** No current admin of `o` but the one of employment `e`. */
const NO_OTHER_ADMIN = `NOT EXISTS {
  (:Person)-[other:WORKS_AT {status: 'APPROVED', isAdmin: true}]->(o) WHERE other.id <> e.id }`;
/** `e` holds the last admin rights of `o` while others are still current members there. */
const LAST_ADMIN_WITH_OTHERS = `${NO_OTHER_ADMIN}
  AND EXISTS { (:Person)-[other:WORKS_AT {status: 'APPROVED'}]->(o) WHERE other.id <> e.id }`;

/** Where a page of members starts: strictly after this person name, person id and employment id. */
export interface MemberKey {
  name: string;
  personId: string;
  id: string;
}

/** The outcome of a guarded write, with the employment as it is afterwards. */
export interface Decision {
  outcome: 'OK' | 'FORBIDDEN' | 'WRONG_STATUS' | 'LAST_ADMIN';
  employment: Employment;
}

/** Cypher for WORKS_AT relationships: (:Person)-[:WORKS_AT]->(:Organization). */
@Injectable()
export class EmploymentRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  /**
   * Creates a PENDING employment unless the person already has a PENDING or APPROVED one there.
   * The write on the person node locks it first, so concurrent requests cannot both pass the check.
   * Returns null when nothing was created.
   */
  async createPending(request: {
    id: string;
    personId: string;
    organizationId: string;
    title: string;
    startedOn: string | null;
  }): Promise<Employment | null> {
    const [row] = await this.neo4j.write<{ employment: Employment }>(
      'EmploymentRepository.createPending',
      `MATCH (p:Person {id: $personId}), (o:Organization {id: $organizationId})
       SET p._lock = true REMOVE p._lock
       WITH p, o
       WHERE NOT EXISTS { (p)-[open:WORKS_AT]->(o) WHERE open.status IN ['PENDING', 'APPROVED'] }
       CREATE (p)-[e:WORKS_AT {id: $id, title: $title, status: 'PENDING', isAdmin: false,
                               startedOn: date($startedOn), endedOn: null, createdAt: datetime()}]->(o)
       RETURN ${EMPLOYMENT_FIELDS} AS employment`,
      request,
    );
    return row?.employment ?? null;
  }

  async findByIds(ids: readonly string[]): Promise<Employment[]> {
    const rows = await this.neo4j.read<{ employment: Employment }>(
      'EmploymentRepository.findByIds',
      `UNWIND $ids AS id
       MATCH (p:Person)-[e:WORKS_AT {id: id}]->(o:Organization)
       RETURN ${EMPLOYMENT_FIELDS} AS employment`,
      { ids },
    );
    return rows.map((row) => row.employment);
  }

  /**
   * Approves a PENDING employment when the approver is a current admin of its organization. Both are
   * checked only after the write lock on the organization is held, so concurrent approvals or a
   * concurrent removal of the approver's admin rights cannot slip in between. Null for an unknown id.
   */
  async approve(id: string, approverId: string): Promise<Decision | null> {
    const [row] = await this.neo4j.write<Decision>(
      'EmploymentRepository.approve',
      `MATCH (p:Person)-[e:WORKS_AT {id: $id}]->(o:Organization)
       SET o._lock = true REMOVE o._lock
       WITH p, e, o,
            CASE
              WHEN NOT ${IS_ADMIN('$approverId')} THEN 'FORBIDDEN'
              WHEN e.status <> 'PENDING' THEN 'WRONG_STATUS'
              ELSE 'OK'
            END AS outcome
       FOREACH (_ IN CASE outcome WHEN 'OK' THEN [1] ELSE [] END |
         SET e.status = 'APPROVED', e.approvedBy = $approverId, e.approvedAt = datetime())
       RETURN outcome, ${EMPLOYMENT_FIELDS} AS employment`,
      { id, approverId },
    );
    return row ?? null;
  }

  /**
   * Ends an employment that is not ENDED yet, by the person or a current admin. The last current
   * admin's employment ends only while no other current member remains. All is checked under a lock
   * on the organization, so concurrent ends cannot both pass. Null for an unknown id.
   */
  async end(id: string, endedOn: string, endedBy: string): Promise<Decision | null> {
    const [row] = await this.neo4j.write<Decision>(
      'EmploymentRepository.end',
      `MATCH (p:Person)-[e:WORKS_AT {id: $id}]->(o:Organization)
       SET o._lock = true REMOVE o._lock
       WITH p, e, o,
            CASE
              WHEN p.id <> $endedBy AND NOT ${IS_ADMIN('$endedBy')} THEN 'FORBIDDEN'
              WHEN e.status = 'ENDED' THEN 'WRONG_STATUS'
              WHEN e.status = 'APPROVED' AND e.isAdmin AND ${LAST_ADMIN_WITH_OTHERS} THEN 'LAST_ADMIN'
              ELSE 'OK'
            END AS outcome
       FOREACH (_ IN CASE outcome WHEN 'OK' THEN [1] ELSE [] END |
         SET e.status = 'ENDED', e.endedOn = date($endedOn), e.endedBy = $endedBy, e.endedAt = datetime())
       RETURN outcome, ${EMPLOYMENT_FIELDS} AS employment`,
      { id, endedOn, endedBy },
    );
    return row ?? null;
  }

  /**
   * Makes a current (APPROVED) employment admin or not, when the actor is a current admin of the
   * organization; the last admin keeps admin rights. Checked and written in one statement under a
   * lock on the organization. Null for an unknown id.
   */
  async setAdmin(id: string, isAdmin: boolean, actorId: string): Promise<Decision | null> {
    const [row] = await this.neo4j.write<Decision>(
      'EmploymentRepository.setAdmin',
      `MATCH (p:Person)-[e:WORKS_AT {id: $id}]->(o:Organization)
       SET o._lock = true REMOVE o._lock
       WITH p, e, o,
            CASE
              WHEN NOT ${IS_ADMIN('$actorId')} THEN 'FORBIDDEN'
              WHEN e.status <> 'APPROVED' THEN 'WRONG_STATUS'
              WHEN e.isAdmin AND NOT $isAdmin AND ${NO_OTHER_ADMIN} THEN 'LAST_ADMIN'
              ELSE 'OK'
            END AS outcome
       FOREACH (_ IN CASE WHEN outcome = 'OK' AND e.isAdmin <> $isAdmin THEN [1] ELSE [] END |
         SET e.isAdmin = $isAdmin, e.adminChangedBy = $actorId, e.adminChangedAt = datetime())
       RETURN outcome, ${EMPLOYMENT_FIELDS} AS employment`,
      { id, isAdmin, actorId },
    );
    return row ?? null;
  }

  /**
   * The same page of employments of each person, newest first: all of the viewer's own, and of
   * others only those an admin ever confirmed (`wasApproved`), counted the same way.
   */
  async pagesByPeople(
    personIds: readonly string[],
    viewerId: string,
    offset: number,
    limit: number,
  ): Promise<{ personId: string; total: number; items: Employment[] }[]> {
    return this.neo4j.read(
      'EmploymentRepository.pagesByPeople',
      `UNWIND $personIds AS personId
       MATCH (p:Person {id: personId})
       CALL (p) {
         MATCH (p)-[e:WORKS_AT]->(:Organization)
         WHERE p.id = $viewerId OR e.status = 'APPROVED' OR e.approvedAt IS NOT NULL
         RETURN count(e) AS total
       }
       CALL (p) {
         MATCH (p)-[e:WORKS_AT]->(o:Organization)
         WHERE p.id = $viewerId OR e.status = 'APPROVED' OR e.approvedAt IS NOT NULL
         WITH p, e, o ORDER BY e.createdAt DESC, e.id SKIP $offset LIMIT $limit
         RETURN collect(${EMPLOYMENT_FIELDS}) AS items
       }
       RETURN personId, total, items`,
      { personIds, viewerId, offset: int(offset), limit: int(limit) },
    );
  }

  /**
   * The same page of employments in a status for each organization, ordered by person name, person id
   * (then employment id): up to `limit + 1` strictly after the key `after`, each with its key, leaving
   * out people the viewer may not see (a block either way).
   */
  async pagesByOrganizations(
    viewerId: string,
    organizationIds: readonly string[],
    status: string,
    after: MemberKey | null,
    limit: number,
  ): Promise<{ organizationId: string; rows: KeyedRow<Employment>[] }[]> {
    return this.neo4j.read(
      'EmploymentRepository.pagesByOrganizations',
      `MATCH (viewer:Person {id: $viewerId})
       UNWIND $organizationIds AS organizationId
       MATCH (o:Organization {id: organizationId})
       CALL (viewer, o) {
         MATCH (p:Person)-[e:WORKS_AT {status: $status}]->(o)
         WHERE ($after IS NULL OR p.name > $after.name
                OR (p.name = $after.name AND (p.id > $after.personId
                    OR (p.id = $after.personId AND e.id > $after.id))))
           AND ${MAY_SEE_PERSON('viewer', 'p')}
         WITH p, e ORDER BY p.name, p.id, e.id LIMIT $limit + 1
         RETURN collect({node: ${EMPLOYMENT_FIELDS}, key: [p.name, p.id, e.id]}) AS rows
       }
       RETURN organizationId, rows`,
      { viewerId, organizationIds, status, after, limit: int(limit) },
    );
  }

  /** How many employments in a status each organization has, leaving out people the viewer may not see. */
  async countsByOrganizations(
    viewerId: string,
    organizationIds: readonly string[],
    status: string,
  ): Promise<{ organizationId: string; total: number }[]> {
    return this.neo4j.read(
      'EmploymentRepository.countsByOrganizations',
      `MATCH (viewer:Person {id: $viewerId})
       UNWIND $organizationIds AS organizationId
       MATCH (o:Organization {id: organizationId})
       CALL (viewer, o) {
         MATCH (p:Person)-[e:WORKS_AT {status: $status}]->(o)
         WHERE ${MAY_SEE_PERSON('viewer', 'p')}
         RETURN count(e) AS total
       }
       RETURN organizationId, total`,
      { viewerId, organizationIds, status },
    );
  }
}
