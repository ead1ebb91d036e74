import { Module } from '@nestjs/common';
import { AccountsModule } from '#tradegraph/accounts';
import { EmploymentModule } from '#tradegraph/employment';
import { OrganizationsModule } from '#tradegraph/organizations';
import { DemoNetworkModule } from './demo-network.module.js';
import { DemoSeeder } from './demo-seeder.js';

@Module({
  imports: [AccountsModule, OrganizationsModule, EmploymentModule, DemoNetworkModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
