export * from './demo-data.js';
export * from './demo-seeder.js';
export * from './demo.module.js';
