import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AccountsService } from '#tradegraph/accounts';
import { AuthUser } from '#tradegraph/common';
import { APP_CONFIG } from '#tradegraph/config';
import type { AppConfig } from '#tradegraph/config';
import { EmploymentService } from '#tradegraph/employment';
import { OrganizationsService } from '#tradegraph/organizations';
import { DEMO_ACCOUNTS, DEMO_ORGANIZATIONS, DEMO_PASSWORD } from './demo-data.js';

/**
 * Seeds the demo dataset once, through the same services the API uses, when SEED_DEMO_DATA is
 * on. It is skipped when the first demo account already exists.
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoSeeder');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: AccountsService,
    private readonly organizations: OrganizationsService,
    private readonly employment: EmploymentService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.seedDemoData) await this.seed();
  }

  /** Returns false when the demo data was already there. */
  async seed(): Promise<boolean> {
    if (await this.accounts.emailExists(DEMO_ACCOUNTS[0].email)) return false;
    const users = new Map<string, AuthUser>();
    for (const demo of DEMO_ACCOUNTS) {
      const { account } = await this.accounts.register({ ...demo, password: DEMO_PASSWORD });
      users.set(demo.key, { id: account.id, email: account.email });
    }
    const user = (key: string): AuthUser => users.get(key) as AuthUser;
    for (const demo of DEMO_ORGANIZATIONS) {
      const admin = user(demo.admin.account);
      const organization = await this.organizations.create(admin, { ...demo, creatorTitle: demo.admin.title });
      if (demo.categoryIds.length > 0) {
        await this.organizations.setSuppliedCategories(admin, organization.id, demo.categoryIds);
      }
      for (const member of demo.members) {
        const requested = await this.employment.request(user(member.account), {
          organizationId: organization.id,
          title: member.title,
          startedOn: member.startedOn,
        });
        await this.employment.approve(admin, requested.id);
      }
    }
    this.logger.log(`seeded ${DEMO_ACCOUNTS.length} demo accounts and ${DEMO_ORGANIZATIONS.length} organizations`);
    return true;
  }
}
