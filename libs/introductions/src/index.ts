export * from './introductions.module.js';
