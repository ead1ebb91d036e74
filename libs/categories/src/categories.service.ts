import { Injectable } from '@nestjs/common';
import { badInput } from '#tradegraph/common';
import { CategoriesRepository } from './categories.repository.js';
import { Category } from './models/category.model.js';

@Injectable()
export class CategoriesService {
  constructor(private readonly categories: CategoriesRepository) {}

  roots(): Promise<Category[]> {
    return this.categories.roots();
  }

  findByIds(ids: readonly string[]): Promise<Category[]> {
    return this.categories.findByIds(ids);
  }

  childrenOf(parentIds: readonly string[]): Promise<Category[]> {
    return this.categories.childrenOf(parentIds);
  }

  /** The categories with these ids; BAD_USER_INPUT naming the unknown ones when any is missing. */
  async requireAll(ids: readonly string[], field: string): Promise<Category[]> {
    const unique = [...new Set(ids)];
    const found = await this.categories.findByIds(unique);
    const known = new Set(found.map((category) => category.id));
    const missing = unique.filter((id) => !known.has(id));
    if (missing.length > 0) throw badInput(field, `Unknown category id(s): ${missing.join(', ')}.`);
    return found;
  }
}
