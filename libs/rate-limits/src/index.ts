export * from './client-address.js';
export * from './login-throttle.service.js';
export * from './network-queries.js';
export * from './rate-limiter.store.js';
export * from './rate-limits.module.js';
