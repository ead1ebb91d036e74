export * from './endorsements.module.js';
