export * from './models/sourcing-answer.model.js';
export * from './models/sourcing-request-status.enum.js';
export * from './models/sourcing-request.model.js';
export * from './sourcing.loader.js';
export * from './sourcing.module.js';
export * from './sourcing.service.js';
