export * from './employment.module.js';
export * from './employment.service.js';
export * from './models/employment-connection.model.js';
export * from './models/employment-status.enum.js';
export * from './models/employment.model.js';
