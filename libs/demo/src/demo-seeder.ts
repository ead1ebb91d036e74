import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AccountsService } from '#tradegraph/accounts';
import { AuthUser, todayIso } from '#tradegraph/common';
import { APP_CONFIG } from '#tradegraph/config';
import type { AppConfig } from '#tradegraph/config';
import { EmploymentService } from '#tradegraph/employment';
import { OrganizationsService } from '#tradegraph/organizations';
import { DEMO_ACCOUNTS, DEMO_NETWORK, DEMO_ORGANIZATIONS, DEMO_PASSWORD, DemoAccount } from './demo-data.js';
import { DemoNetworkService, NetworkCounts } from './demo-network.service.js';
import { planDemoTies } from './demo-ties.js';
import { generateNetwork } from './network-generator.js';
import { GeneratedNetwork } from './network-types.js';

/**
 * Seeds the demo dataset once, when SEED_DEMO_DATA is on: the named accounts and organizations
 * through the same services the API uses, then a generated network of DEMO_NETWORK.people written
 * in bulk (through services it would take minutes). Generated people are graph-only Person nodes
 * without accounts: only the named demo accounts can log in. It is skipped when the first demo
 * account already exists.
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoSeeder');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: AccountsService,
    private readonly organizations: OrganizationsService,
    private readonly employment: EmploymentService,
    private readonly network: DemoNetworkService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.seedDemoData) await this.seed();
  }

  /** Returns false when the demo data was already there. */
  async seed(): Promise<boolean> {
    if (await this.accounts.emailExists(DEMO_ACCOUNTS[0].email)) return false;
    const users = new Map<string, AuthUser>();
    for (const demo of DEMO_ACCOUNTS) {
      const { account } = await this.accounts.register({ ...demo, password: DEMO_PASSWORD }, { verified: true });
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
    const started = Date.now();
    const seeded = await this.seedNetwork(user(DEMO_NETWORK.tie.account).id);
    const named = `${DEMO_ACCOUNTS.length} demo accounts, ${DEMO_ORGANIZATIONS.length} organizations`;
    if (!seeded) {
      this.logger.warn(`seeded ${named}; the graph holds another generated network of seed ${DEMO_NETWORK.seed}`);
      return true;
    }
    const { counts, featuredSupplierId } = seeded;
    this.logger.log(
      `seeded ${named} and a generated network of ${counts.people} people, ${counts.organizations} organizations, ` +
        `${counts.connections} connections, ${counts.trades} trades, ${counts.endorsements} endorsements and ` +
        `${counts.referrals} referrals in ${Date.now() - started} ms ` +
        `(try networkTradersWith(supplierId: "${featuredSupplierId}"))`,
    );
    return true;
  }

  /**
   * Loads the generated network and ties the named account into it with connections and referrals
   * to it (counts include the ties). An earlier run may have left the same network in the graph
   * (when only the SQL database was reset): then only the ties are added. Null when the graph holds
   * a different network of the same seed, which the ties would not fit.
   */
  private async seedNetwork(
    personId: string,
  ): Promise<{ counts: NetworkCounts; featuredSupplierId: string | null } | null> {
    const today = todayIso();
    const taxonomy = await this.network.taxonomy();
    const network = generateNetwork({ seed: DEMO_NETWORK.seed, people: DEMO_NETWORK.people, today, taxonomy });
    const present = await this.network.countGeneratedPeople(DEMO_NETWORK.seed);
    if (present > 0 && present !== network.people.length) return null;
    const { account: key, ...tie } = DEMO_NETWORK.tie;
    const account = DEMO_ACCOUNTS.find((demo) => demo.key === key) as DemoAccount;
    const ties = planDemoTies(network, {
      ...tie,
      personId,
      givenName: account.name.split(' ')[0],
      seed: DEMO_NETWORK.seed,
      today,
      taxonomy,
    });
    const loaded: Partial<GeneratedNetwork> = present > 0 ? {} : network;
    const counts = await this.network.load({
      ...loaded,
      connections: [...(loaded.connections ?? []), ...ties.connections],
      // Like referrals made through the API, these belong to a real account and get random ids.
      referrals: [
        ...(loaded.referrals ?? []),
        ...ties.referrals.map((referral) => ({ id: randomUUID(), ...referral })),
      ],
    });
    return { counts, featuredSupplierId: ties.featuredSupplierId };
  }
}
