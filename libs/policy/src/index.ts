export * from './policy-cypher.js';
export * from './policy.module.js';
export * from './policy.service.js';
export * from './contact-cypher.js';
