import DataLoader from 'dataloader';
import { byKeys, groupByKeys, RequestLoaders } from '#tradegraph/common';
import { CategoriesService } from './categories.service.js';
import { Category } from './models/category.model.js';

export function categoryLoader(
  loaders: RequestLoaders,
  categories: CategoriesService,
): DataLoader<string, Category | null> {
  return loaders.get<string, Category | null>('category', async (ids) =>
    byKeys(ids, await categories.findByIds(ids), (category) => category.id),
  );
}

export function categoryChildrenLoader(
  loaders: RequestLoaders,
  categories: CategoriesService,
): DataLoader<string, Category[]> {
  return loaders.get<string, Category[]>('categoryChildren', async (ids) =>
    groupByKeys(ids, await categories.childrenOf(ids), (category) => category.parentId as string),
  );
}
