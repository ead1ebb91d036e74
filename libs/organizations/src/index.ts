export * from './models/organization-role.enum.js';
export * from './models/organization.model.js';
export * from './organizations.loader.js';
export * from './organizations.module.js';
export * from './organizations.service.js';
export * from './supplier-matching.js';
export * from './domain-verification-cypher.js';
export * from './organization-domain.js';
