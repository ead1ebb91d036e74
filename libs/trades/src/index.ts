export * from './trades.module.js';
