import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { websiteDomain } from './organization-domain.js';
import { OrganizationsRepository } from './organizations.repository.js';

/**
 * At start-up, stores again the domain each organization's website gives wherever the stored one differs
 * (organizations created before domain verification existed, or under older domain rules), so that
 * domain verification always follows the current rules of organization-domain.ts.
 */
@Injectable()
export class WebsiteDomainRefreshService implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebsiteDomainRefreshService.name);

  constructor(private readonly organizations: OrganizationsRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    const changed = await this.refresh();
    if (changed) this.logger.log(`stored the website domain of ${changed} organizations again`);
  }

  /** Returns how many organizations got a different domain. */
  async refresh(): Promise<number> {
    const stored = await this.organizations.storedWebsiteDomains();
    const changed = stored
      .map((row) => ({ id: row.id, websiteDomain: websiteDomain(row.website), stored: row.websiteDomain ?? null }))
      .filter((row) => row.websiteDomain !== row.stored)
      .map(({ id, websiteDomain }) => ({ id, websiteDomain }));
    if (changed.length) await this.organizations.setWebsiteDomains(changed);
    return changed.length;
  }
}
