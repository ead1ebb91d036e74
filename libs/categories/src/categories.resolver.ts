import { Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders, RequestLoaders } from '#tradegraph/common';
import { CATEGORY_TAXONOMY } from '#tradegraph/graph';
import { categoryChildrenLoader, categoryLoader } from './categories.loader.js';
import { CategoriesService } from './categories.service.js';
import { Category } from './models/category.model.js';

/** The most subcategories any category has: the hard cap of `children`. */
const MAX_CHILDREN = Math.max(...CATEGORY_TAXONOMY.map((root) => root.children.length));

@Resolver(() => Category)
export class CategoriesResolver {
  constructor(private readonly categoryService: CategoriesService) {}

  @Query(() => [Category], {
    description:
      'The root categories of the taxonomy; their children nest below them. Not paginated: the taxonomy is fixed, with 5 root categories.',
  })
  categories(): Promise<Category[]> {
    return this.categoryService.roots();
  }

  @ResolveField(() => Category, { nullable: true, description: 'The parent category, null for a root.' })
  parent(@Parent() category: Category, @Loaders() loaders: RequestLoaders) {
    return category.parentId ? categoryLoader(loaders, this.categoryService).load(category.parentId) : null;
  }

  @ResolveField(() => [Category], {
    description:
      'The direct subcategories, in taxonomy order. Not paginated: the taxonomy is fixed, two levels deep, ' +
      `with at most ${MAX_CHILDREN} subcategories under a root and none under a subcategory.`,
  })
  children(@Parent() category: Category, @Loaders() loaders: RequestLoaders) {
    return categoryChildrenLoader(loaders, this.categoryService).load(category.id);
  }
}
