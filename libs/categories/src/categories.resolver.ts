import { Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders, RequestLoaders } from '#tradegraph/common';
import { categoryChildrenLoader, categoryLoader } from './categories.loader.js';
import { CategoriesService } from './categories.service.js';
import { Category } from './models/category.model.js';

@Resolver(() => Category)
export class CategoriesResolver {
  constructor(private readonly categoryService: CategoriesService) {}

  @Query(() => [Category], { description: 'The root categories of the taxonomy; their children nest below them.' })
  categories(): Promise<Category[]> {
    return this.categoryService.roots();
  }

  @ResolveField(() => Category, { nullable: true, description: 'The parent category, null for a root.' })
  parent(@Parent() category: Category, @Loaders() loaders: RequestLoaders) {
    return category.parentId ? categoryLoader(loaders, this.categoryService).load(category.parentId) : null;
  }

  @ResolveField(() => [Category], { description: 'The direct subcategories, in taxonomy order.' })
  children(@Parent() category: Category, @Loaders() loaders: RequestLoaders) {
    return categoryChildrenLoader(loaders, this.categoryService).load(category.id);
  }
}
