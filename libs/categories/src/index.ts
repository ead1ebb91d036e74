export * from './categories.loader.js';
export * from './categories.module.js';
export * from './categories.service.js';
export * from './models/category.model.js';
