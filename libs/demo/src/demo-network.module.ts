import { Module } from '@nestjs/common';
import { CategoriesModule } from '#tradegraph/categories';
import { DemoNetworkRepository } from './demo-network.repository.js';
import { DemoNetworkService } from './demo-network.service.js';

/**
 * Loading generated networks into the graph. Needs only the graph (global) and the categories,
 * so the generate-network script can run it in a small application context of its own.
 */
@Module({
  imports: [CategoriesModule],
  providers: [DemoNetworkRepository, DemoNetworkService],
  exports: [DemoNetworkService],
})
export class DemoNetworkModule {}
