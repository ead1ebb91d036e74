import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AccountsModule } from '#tradegraph/accounts';
import { CategoriesModule } from '#tradegraph/categories';
import { MetricsModule } from '#tradegraph/common';
import { AppConfig, ConfigModule } from '#tradegraph/config';
import { GraphModule } from '#tradegraph/graph';
import { NotificationsModule } from '#tradegraph/notifications';
import { OrganizationsModule } from '#tradegraph/organizations';
import { PolicyModule } from '#tradegraph/policy';
import { TradesModule } from '#tradegraph/trades';

/** What the import needs: configuration, both databases (migrated), accounts and audit, and the trade rules. */
@Module({})
export class ImportTradesModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ImportTradesModule,
      imports: [
        ConfigModule.forRoot(config),
        MetricsModule,
        // The notifications lib registers its pruning timer here; closing the context clears it.
        ScheduleModule.forRoot(),
        GraphModule,
        PolicyModule,
        AccountsModule,
        CategoriesModule,
        OrganizationsModule,
        NotificationsModule,
        TradesModule,
      ],
    };
  }
}
