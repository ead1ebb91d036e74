export * from './app-config.js';
export * from './app-config.token.js';
export * from './config.module.js';
export * from './rate-limits.config.js';
export * from './trusted-documents.config.js';
export * from './observability.config.js';
