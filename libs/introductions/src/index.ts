export * from './introductions.loader.js';
export * from './introductions.module.js';
export * from './introductions.service.js';
export * from './models/introduction-decision.enum.js';
export * from './models/introduction-status.enum.js';
export * from './models/introduction-step.model.js';
export * from './models/introduction.model.js';
