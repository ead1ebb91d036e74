export * from './sourcing.module.js';
