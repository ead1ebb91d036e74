export * from './demo-data.js';
export * from './demo-network.module.js';
export * from './demo-network.service.js';
export * from './demo-seeder.js';
export * from './demo-ties.js';
export * from './demo.module.js';
export * from './network-generator.js';
export { defaultOrganizationCount, generatedIdPrefix, MAX_GENERATED_PEOPLE } from './network-structure.js';
export * from './network-types.js';
