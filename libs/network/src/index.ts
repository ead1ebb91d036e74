export * from './network.module.js';
