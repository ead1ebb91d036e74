import * as fs from 'node:fs';
import * as path from 'node:path';
import { AppConfig } from '#tradegraph/config';
import { CONVERSATION_ENTITIES, CONVERSATION_MIGRATIONS } from '#tradegraph/conversations';
import { DataSourceOptions } from 'typeorm';
import { Account } from './entities/account.entity.js';
import { AccountToken } from './entities/account-token.entity.js';
import { AuditLogEntry } from './entities/audit-log-entry.entity.js';
import { AuditLogOrganization } from './entities/audit-log-organization.entity.js';
import { RefreshToken } from './entities/refresh-token.entity.js';
import { CreateAccounts1764230400000 } from './migrations/1764230400000-create-accounts.js';
import { AuditLogOrganizations1764835200000 } from './migrations/1764835200000-audit-log-organizations.js';
import { EmailFlows1765065600000 } from './migrations/1765065600000-email-flows.js';

/** Every table of the SQL database: this lib's and those of libs/conversations. */
export const SQL_ENTITIES = [
  Account,
  RefreshToken,
  AuditLogEntry,
  AuditLogOrganization,
  AccountToken,
  ...CONVERSATION_ENTITIES,
];
export const SQL_MIGRATIONS = [
  CreateAccounts1764230400000,
  AuditLogOrganizations1764835200000,
  EmailFlows1765065600000,
  ...CONVERSATION_MIGRATIONS,
];

/**
 * TypeORM options for the configured SQL database. Migrations run at start-up everywhere,
 * tests included; the schema is never synchronised from the entities.
 */
export function sqlDataSourceOptions(config: AppConfig): DataSourceOptions {
  const common = {
    entities: SQL_ENTITIES,
    migrations: SQL_MIGRATIONS,
    migrationsRun: true,
    synchronize: false,
    logging: false,
  } as const;
  if (config.sql.type === 'postgres') {
    return { ...common, type: 'postgres', url: config.sql.url, connectTimeoutMS: 10_000 };
  }
  fs.mkdirSync(path.dirname(config.sql.file), { recursive: true });
  return { ...common, type: 'better-sqlite3', database: config.sql.file, enableWAL: true };
}
