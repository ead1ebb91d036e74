export * from './models/evidence-kind.enum.js';
export * from './models/network-trade-summary.model.js';
export * from './models/network-trader.model.js';
export * from './models/organization-connection.model.js';
export * from './models/supplier-recommendation.model.js';
export * from './models/trust-evidence.model.js';
export { rankSuppliers, contribution, decay } from './scoring.js';
export * from './trust.module.js';
export * from './trust.service.js';
