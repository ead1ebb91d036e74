import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CategoriesService, Category } from '#tradegraph/categories';
import { AuthUser, badInput, forbidden, notFound, websiteHost } from '#tradegraph/common';
import { isISO31661Alpha2, isURL } from 'class-validator';
import { CreateOrganizationInput } from './dto/create-organization.input.js';
import { UpdateOrganizationInput } from './dto/update-organization.input.js';
import { OrganizationRole } from './models/organization-role.enum.js';
import { Organization } from './models/organization.model.js';
import { OrganizationsRepository } from './organizations.repository.js';
import { matchSupplier, nameKey, SupplierMatch, SupplierReference, vatKey } from './supplier-matching.js';
import { ORGANIZATION_NAME_MAX, WEBSITE_MAX } from './dto/organization-rules.js';

export const MAX_SUPPLIED_CATEGORIES = 100;

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly organizations: OrganizationsRepository,
    private readonly categories: CategoriesService,
  ) {}

  findByIds(ids: readonly string[]): Promise<Organization[]> {
    return this.organizations.findByIds(ids);
  }

  async get(id: string, field = 'id'): Promise<Organization> {
    const [organization] = await this.organizations.findByIds([id]);
    if (!organization) throw notFound(`No organization has the id ${id}.`, field);
    return organization;
  }

  async create(user: AuthUser, input: CreateOrganizationInput): Promise<Organization> {
    const created = await this.organizations.create({
      id: randomUUID(),
      name: input.name,
      country: input.country,
      roles: input.roles,
      website: input.website || null,
      description: input.description || null,
      creatorId: user.id,
      creatorTitle: input.creatorTitle,
      employmentId: randomUUID(),
    });
    if (!created) throw notFound('Your profile no longer exists.');
    return created;
  }

  /** The organization each reference names (see matchSupplier), in the order of the references. */
  async matchSuppliers(references: readonly SupplierReference[]): Promise<SupplierMatch[]> {
    const present = <T>(values: (T | null | undefined)[]) => [...new Set(values.filter((v): v is T => !!v))];
    const candidates = await this.organizations.matchCandidates({
      ids: present(references.map((reference) => reference.id?.trim())),
      vatNumbers: present(references.map((reference) => reference.vatNumber && vatKey(reference.vatNumber))),
      domains: present(references.map((reference) => websiteHost(reference.website))),
      names: present(references.map((reference) => reference.name && nameKey(reference.name))),
    });
    const compared = candidates.map((candidate) => ({ ...candidate, domain: websiteHost(candidate.website) }));
    return references.map((reference) => matchSupplier(reference, compared));
  }

  /**
   * Creates SUPPLIER organizations that nobody works at yet (a buyer's import names suppliers not on
   * TradeGraph), each supplying the given categories. BAD_USER_INPUT for an invalid name, country,
   * website or category; nothing is created then.
   */
  async createUnclaimedSuppliers(
    suppliers: readonly {
      name: string;
      country: string;
      website?: string | null;
      vatNumber?: string | null;
      categoryIds: string[];
    }[],
  ): Promise<string[]> {
    const rows = suppliers.map((supplier) => {
      const name = supplier.name.trim();
      if (!name || name.length > ORGANIZATION_NAME_MAX) {
        throw badInput('name', `A supplier name must be 1 to ${ORGANIZATION_NAME_MAX} characters (got "${name}").`);
      }
      const country = supplier.country.trim().toUpperCase();
      if (!isISO31661Alpha2(country)) throw badInput('country', `${name}: ${country} is not an ISO 3166-1 code.`);
      const given = supplier.website?.trim() || null;
      // ERP exports often give a bare domain: "example.com" becomes "https://example.com".
      const website = given && !/^[a-z][a-z0-9+.-]*:\/\//i.test(given) ? `https://${given}` : given;
      const valid = website && website.length <= WEBSITE_MAX;
      if (website && !(valid && isURL(website, { protocols: ['http', 'https'], require_protocol: true }))) {
        throw badInput('website', `${name}: the website must be an http or https URL (got "${website}").`);
      }
      const vatNumber = supplier.vatNumber?.trim() ? vatKey(supplier.vatNumber) : null;
      return { id: randomUUID(), name, country, website, vatNumber, categoryIds: [...new Set(supplier.categoryIds)] };
    });
    await this.categories.requireAll(
      rows.flatMap((row) => row.categoryIds),
      'categoryIds',
    );
    return rows.length === 0 ? [] : this.organizations.createUnclaimedSuppliers(rows);
  }

  async update(user: AuthUser, id: string, input: UpdateOrganizationInput): Promise<Organization> {
    await this.requireAdmin(user, id);
    const changes: Partial<Omit<Organization, 'id'>> = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.country !== undefined) changes.country = input.country;
    if (input.roles !== undefined) changes.roles = input.roles;
    if (input.website !== undefined) changes.website = input.website || null;
    if (input.description !== undefined) changes.description = input.description || null;
    if (Object.keys(changes).length === 0) return this.get(id);
    // The write checks admin rights again under the organization's lock (they may have just been removed).
    const updated = await this.organizations.update(id, changes, user.id);
    if (!updated) throw notAdmin();
    // Only suppliers supply categories: an organization that stops supplying loses its categories.
    if (input.roles && !input.roles.includes(OrganizationRole.SUPPLIER)) {
      await this.organizations.setSuppliedCategories(id, [], user.id);
    }
    return updated;
  }

  async setSuppliedCategories(user: AuthUser, organizationId: string, categoryIds: string[]): Promise<Organization> {
    const organization = await this.requireAdmin(user, organizationId, 'organizationId');
    const unique = [...new Set(categoryIds)];
    if (unique.length > MAX_SUPPLIED_CATEGORIES) {
      throw badInput('categoryIds', `An organization can supply at most ${MAX_SUPPLIED_CATEGORIES} categories.`);
    }
    if (unique.length > 0 && !organization.roles.includes(OrganizationRole.SUPPLIER)) {
      throw badInput('categoryIds', 'Only an organization with the SUPPLIER role can supply categories.');
    }
    await this.categories.requireAll(unique, 'categoryIds');
    if (!(await this.organizations.setSuppliedCategories(organizationId, unique, user.id))) throw notAdmin();
    return organization;
  }

  suppliedCategories(organizationIds: readonly string[]): Promise<{ organizationId: string; category: Category }[]> {
    return this.organizations.suppliedCategories(organizationIds);
  }

  isAdmin(organizationId: string, personId: string): Promise<boolean> {
    return this.organizations.isAdmin(organizationId, personId);
  }

  /** Which of these organizations the person currently administers. */
  async adminOrganizations(personId: string, organizationIds: readonly string[]): Promise<Set<string>> {
    return new Set(await this.organizations.adminOrganizations(personId, organizationIds));
  }

  /** The organization, when the caller is one of its current admins; NOT_FOUND or FORBIDDEN otherwise. */
  async requireAdmin(user: AuthUser, organizationId: string, field = 'id'): Promise<Organization> {
    const organization = await this.get(organizationId, field);
    if (!(await this.organizations.isAdmin(organizationId, user.id))) throw notAdmin();
    return organization;
  }
}

function notAdmin() {
  return forbidden('Only an admin of this organization may do that.');
}
