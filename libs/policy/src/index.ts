export * from './hidden-people.js';
export * from './path-visibility.js';
export * from './policy-cypher.js';
export * from './policy.module.js';
export * from './policy.service.js';
export * from './contact-cypher.js';
export * from './path-people.loader.js';
