export * from './generated/graphql.js';
export * from './tradegraph-client.js';
