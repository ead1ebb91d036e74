import { Injectable } from '@nestjs/common';
import { Neo4jService } from '#tradegraph/graph';
import { MAY_SEE_PERSON } from '#tradegraph/policy';
import { Person } from './models/person.model.js';

const PERSON_FIELDS = 'p {.id, .name, headline: p.headline, country: p.country}';

/** Cypher for Person nodes. */
@Injectable()
export class PeopleRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  async create(person: Person): Promise<Person> {
    const [row] = await this.neo4j.write<{ person: Person }>(
      'PeopleRepository.create',
      `CREATE (p:Person {id: $id, name: $name, headline: $headline, country: $country, createdAt: datetime()})
       RETURN ${PERSON_FIELDS} AS person`,
      { ...person },
    );
    return row.person;
  }

  async findByIds(ids: readonly string[]): Promise<Person[]> {
    const rows = await this.neo4j.read<{ person: Person }>(
      'PeopleRepository.findByIds',
      `UNWIND $ids AS id MATCH (p:Person {id: id}) RETURN ${PERSON_FIELDS} AS person`,
      { ids },
    );
    return rows.map((row) => row.person);
  }

  /** The given people that the viewer may see (the policy's MAY_SEE_PERSON); others and unknown ids are left out. */
  async findVisibleTo(viewerId: string, ids: readonly string[]): Promise<Person[]> {
    const rows = await this.neo4j.read<{ person: Person }>(
      'PeopleRepository.findVisibleTo',
      `MATCH (viewer:Person {id: $viewerId})
       UNWIND $ids AS id
       MATCH (p:Person {id: id})
       WHERE ${MAY_SEE_PERSON('viewer', 'p')}
       RETURN ${PERSON_FIELDS} AS person`,
      { viewerId, ids },
    );
    return rows.map((row) => row.person);
  }

  /** Sets the given properties; a null value removes the property. */
  async update(id: string, changes: Partial<Omit<Person, 'id'>>): Promise<Person | null> {
    const [row] = await this.neo4j.write<{ person: Person }>(
      'PeopleRepository.update',
      `MATCH (p:Person {id: $id}) SET p += $changes RETURN ${PERSON_FIELDS} AS person`,
      { id, changes },
    );
    return row?.person ?? null;
  }

  /** Records the domain of the person's verified address (null: none that verifies) and when it was verified. */
  async setVerifiedEmailDomain(id: string, domain: string | null): Promise<void> {
    await this.neo4j.write(
      'PeopleRepository.setVerifiedEmailDomain',
      `MATCH (p:Person {id: $id}) SET p.verifiedEmailDomain = $domain, p.emailVerifiedAt = datetime()`,
      { id, domain },
    );
  }

  async delete(id: string): Promise<void> {
    await this.neo4j.write('PeopleRepository.delete', 'MATCH (p:Person {id: $id}) DETACH DELETE p', { id });
  }
}
