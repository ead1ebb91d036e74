export * from './models/connection-path.model.js';
export * from './models/connection-request-status.enum.js';
export * from './models/connection-request.model.js';
export * from './models/person-connection.model.js';
export * from './network-rules.js';
export * from './network.module.js';
export * from './network.service.js';
