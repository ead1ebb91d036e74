import DataLoader from 'dataloader';
import { Category } from '#tradegraph/categories';
import { byKeys, groupByKeys, RequestLoaders } from '#tradegraph/common';
import { Organization } from './models/organization.model.js';
import { OrganizationsService } from './organizations.service.js';

export function organizationLoader(
  loaders: RequestLoaders,
  organizations: OrganizationsService,
): DataLoader<string, Organization | null> {
  return loaders.get<string, Organization | null>('organization', async (ids) =>
    byKeys(ids, await organizations.findByIds(ids), (organization) => organization.id),
  );
}

export function suppliedCategoriesLoader(
  loaders: RequestLoaders,
  organizations: OrganizationsService,
): DataLoader<string, Category[]> {
  return loaders.get<string, Category[]>('suppliedCategories', async (ids) => {
    const rows = await organizations.suppliedCategories(ids);
    return groupByKeys(ids, rows, (row) => row.organizationId).map((group) => group.map((row) => row.category));
  });
}
