import { Module } from '@nestjs/common';
import { CategoriesRepository } from './categories.repository.js';
import { CategoriesResolver } from './categories.resolver.js';
import { CategoriesService } from './categories.service.js';

@Module({
  providers: [CategoriesRepository, CategoriesService, CategoriesResolver],
  exports: [CategoriesService],
})
export class CategoriesModule {}
