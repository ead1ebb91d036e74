export * from './accounts.module.js';
export * from './accounts.service.js';
export * from './audit-log.service.js';
export * from './entities/account.entity.js';
export * from './entities/audit-log-entry.entity.js';
export * from './entities/refresh-token.entity.js';
export * from './sql-data-source.options.js';
export * from './tokens.service.js';
