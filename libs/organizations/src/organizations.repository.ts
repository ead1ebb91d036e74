import { Injectable } from '@nestjs/common';
import { Category } from '#tradegraph/categories';
import { websiteDomain } from '#tradegraph/common';
import { Neo4jService } from '#tradegraph/graph';
import { Organization } from './models/organization.model.js';

const ORGANIZATION_FIELDS = 'o {.id, .name, .country, .roles, website: o.website, description: o.description}';

/** Whether the person `$adminId` is a current admin of `o`. */
const ADMIN_OF_O = `EXISTS { (:Person {id: $adminId})-[:WORKS_AT {status: 'APPROVED', isAdmin: true}]->(o) }`;

/** A supplier created by a buyer's import: nobody works there until someone claims it. */
export interface NewUnclaimedSupplier {
  id: string;
  name: string;
  country: string;
  website: string | null;
  vatNumber: string | null;
  categoryIds: string[];
}

export interface NewOrganization extends Organization {
  creatorId: string;
  creatorTitle: string;
  employmentId: string;
}

/** Cypher for Organization nodes, what they supply, and who administers them. */
@Injectable()
export class OrganizationsRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  /** Creates the organization and its creator's approved admin employment in one statement. */
  async create(org: NewOrganization): Promise<Organization | null> {
    const [row] = await this.neo4j.write<{ organization: Organization }>(
      'OrganizationsRepository.create',
      `MATCH (p:Person {id: $creatorId})
       CREATE (o:Organization {id: $id, name: $name, country: $country, roles: $roles,
                               website: $website, websiteDomain: $websiteDomain, description: $description,
                               createdAt: datetime()})
       CREATE (p)-[:WORKS_AT {id: $employmentId, title: $creatorTitle, status: 'APPROVED', isAdmin: true, approvedAt: datetime(),
                              startedOn: null, endedOn: null, createdAt: datetime()}]->(o)
       RETURN ${ORGANIZATION_FIELDS} AS organization`,
      { ...org, websiteDomain: websiteDomain(org.website) },
    );
    return row?.organization ?? null;
  }

  async findByIds(ids: readonly string[]): Promise<Organization[]> {
    const rows = await this.neo4j.read<{ organization: Organization }>(
      'OrganizationsRepository.findByIds',
      `UNWIND $ids AS id MATCH (o:Organization {id: id}) RETURN ${ORGANIZATION_FIELDS} AS organization`,
      { ids },
    );
    return rows.map((row) => row.organization);
  }

  /**
   * Sets the given properties (a null value removes the property) when the person is a current admin,
   * checked under the write lock on the organization. Null when nothing changed. A new website sets the
   * domain it gives (`websiteDomain`, for domain verification) too.
   */
  async update(id: string, changes: Partial<Omit<Organization, 'id'>>, adminId: string): Promise<Organization | null> {
    const props = 'website' in changes ? { ...changes, websiteDomain: websiteDomain(changes.website) } : changes;
    const [row] = await this.neo4j.write<{ organization: Organization }>(
      'OrganizationsRepository.update',
      `MATCH (o:Organization {id: $id})
       SET o._lock = true REMOVE o._lock
       WITH o
       WHERE ${ADMIN_OF_O}
       SET o += $changes, o.updatedAt = datetime()
       RETURN ${ORGANIZATION_FIELDS} AS organization`,
      { id, changes: props, adminId },
    );
    return row?.organization ?? null;
  }

  /** True when the person holds a current admin employment at the organization. */
  async isAdmin(organizationId: string, personId: string): Promise<boolean> {
    const [row] = await this.neo4j.read<{ admin: boolean }>(
      'OrganizationsRepository.isAdmin',
      `MATCH (o:Organization {id: $organizationId})
       RETURN EXISTS { (:Person {id: $personId})-[:WORKS_AT {status: 'APPROVED', isAdmin: true}]->(o) } AS admin`,
      { organizationId, personId },
    );
    return row?.admin ?? false;
  }

  /** Which of these organizations the person currently administers. */
  async adminOrganizations(personId: string, organizationIds: readonly string[]): Promise<string[]> {
    const rows = await this.neo4j.read<{ id: string }>(
      'OrganizationsRepository.adminOrganizations',
      `MATCH (:Person {id: $personId})-[:WORKS_AT {status: 'APPROVED', isAdmin: true}]->(o:Organization)
       WHERE o.id IN $organizationIds
       RETURN o.id AS id`,
      { personId, organizationIds },
    );
    return rows.map((row) => row.id);
  }

  /**
   * Replaces the set of categories the organization supplies, when the person is a current admin. The
   * admin check and the old set are read only after the write lock on the organization is held, so
   * concurrent replacements never merge into a union. False when the person is not an admin.
   */
  async setSuppliedCategories(organizationId: string, categoryIds: string[], adminId: string): Promise<boolean> {
    const [row] = await this.neo4j.write<{ admin: boolean }>(
      'OrganizationsRepository.setSuppliedCategories',
      `MATCH (o:Organization {id: $organizationId})
       SET o._lock = true REMOVE o._lock
       WITH o
       WHERE ${ADMIN_OF_O}
       CALL (o) {
         OPTIONAL MATCH (o)-[old:SUPPLIES]->(:Category)
         DELETE old
       }
       CALL (o) {
         UNWIND $categoryIds AS categoryId
         MATCH (c:Category {id: categoryId})
         MERGE (o)-[:SUPPLIES]->(c)
       }
       RETURN true AS admin`,
      { organizationId, categoryIds, adminId },
    );
    return row?.admin ?? false;
  }

  /** The categories each organization supplies, by name. */
  async suppliedCategories(
    organizationIds: readonly string[],
  ): Promise<{ organizationId: string; category: Category }[]> {
    return this.neo4j.read(
      'OrganizationsRepository.suppliedCategories',
      `UNWIND $organizationIds AS organizationId
       MATCH (:Organization {id: organizationId})-[:SUPPLIES]->(c:Category)
       OPTIONAL MATCH (c)-[:CHILD_OF]->(parent:Category)
       RETURN organizationId, c {.id, .name, parentId: parent.id} AS category
       ORDER BY c.name`,
      { organizationIds },
    );
  }

  /**
   * The organizations an import's supplier references may name: by id, normalized VAT number, lower-case
   * name, or a website containing one of the domains (the caller compares the exact domain).
   */
  async matchCandidates(keys: {
    ids: string[];
    vatNumbers: string[];
    domains: string[];
    names: string[];
  }): Promise<{ id: string; name: string; website: string | null; vatNumber: string | null }[]> {
    return this.neo4j.read(
      'OrganizationsRepository.matchCandidates',
      `MATCH (o:Organization)
       WHERE o.id IN $ids OR o.vatNumber IN $vatNumbers OR toLower(trim(o.name)) IN $names
          OR (o.website IS NOT NULL AND any(domain IN $domains WHERE toLower(o.website) CONTAINS domain))
       RETURN o.id AS id, o.name AS name, o.website AS website, o.vatNumber AS vatNumber`,
      keys,
    );
  }

  /** Creates SUPPLIER organizations without members, supplying the given categories, in one statement. */
  async createUnclaimedSuppliers(suppliers: NewUnclaimedSupplier[]): Promise<string[]> {
    const rows = await this.neo4j.write<{ id: string }>(
      'OrganizationsRepository.createUnclaimedSuppliers',
      `UNWIND $suppliers AS row
       CREATE (o:Organization {id: row.id, name: row.name, country: row.country, roles: ['SUPPLIER'],
                               website: row.website, websiteDomain: row.websiteDomain, description: null,
                               vatNumber: row.vatNumber, unclaimed: true, createdAt: datetime()})
       WITH o, row
       CALL (o, row) {
         UNWIND row.categoryIds AS categoryId
         MATCH (c:Category {id: categoryId})
         MERGE (o)-[:SUPPLIES]->(c)
       }
       RETURN o.id AS id`,
      { suppliers: suppliers.map((supplier) => ({ ...supplier, websiteDomain: websiteDomain(supplier.website) })) },
    );
    return rows.map((row) => row.id);
  }
}
