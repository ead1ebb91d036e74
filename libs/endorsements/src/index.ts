export * from './dto/endorsement-rules.js';
export * from './endorsements.loader.js';
export * from './endorsements.module.js';
export * from './endorsements.service.js';
export * from './models/endorsement-connection.model.js';
export * from './models/endorsement.model.js';
