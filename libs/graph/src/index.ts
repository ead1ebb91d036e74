export * from './graph.module.js';
export * from './local-neo4j.js';
export * from './migrations/graph-migrations.js';
export * from './migrations/graph-migrator.js';
export * from './neo4j.service.js';
export * from './neo4j.tokens.js';
export * from './to-plain.js';
export * from './cypher/trade-visibility.js';
