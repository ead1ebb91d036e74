import { websiteDomain } from '#tradegraph/common';
import { int } from 'neo4j-driver';
import type { Neo4jService, TxOptions } from '../neo4j.service.js';

/** Organizations read and written per transaction. */
const BATCH_SIZE = 1000;

interface StoredDomain {
  id: string;
  website: string | null;
  websiteDomain: string | null;
}

/**
 * Stores again the domain each organization's website gives (websiteDomain() of libs/common, the rule
 * domain verification follows) wherever the stored one differs: organizations created before domain
 * verification existed, or under older rules. Reads the organizations by id in pages of BATCH_SIZE and
 * writes each page's changed ones in one transaction, so no transaction holds every organization.
 * Idempotent: a second run finds nothing to change. A later change of the rule adds a migration that
 * runs this step again.
 */
export async function refreshWebsiteDomains(neo4j: Neo4jService, name: string, options: TxOptions): Promise<number> {
  let after = '';
  let changed = 0;
  for (;;) {
    const page = await neo4j.read<StoredDomain>(
      `${name}:page`,
      `MATCH (o:Organization) WHERE o.id > $after AND (o.website IS NOT NULL OR o.websiteDomain IS NOT NULL)
       RETURN o.id AS id, o.website AS website, o.websiteDomain AS websiteDomain
       ORDER BY o.id LIMIT $limit`,
      { after, limit: int(BATCH_SIZE) },
      options,
    );
    const rows = page
      .map((row) => ({ id: row.id, websiteDomain: websiteDomain(row.website), stored: row.websiteDomain ?? null }))
      .filter((row) => row.websiteDomain !== row.stored)
      .map(({ id, websiteDomain }) => ({ id, websiteDomain }));
    if (rows.length) {
      await neo4j.write(
        `${name}:write`,
        'UNWIND $rows AS row MATCH (o:Organization {id: row.id}) SET o.websiteDomain = row.websiteDomain',
        { rows },
        options,
      );
      changed += rows.length;
    }
    if (page.length < BATCH_SIZE) return changed;
    after = page[page.length - 1].id;
  }
}
