export * from './blocking.service.js';
export * from './models/connections-visibility.enum.js';
export * from './models/privacy-settings.model.js';
export * from './privacy.module.js';
export * from './privacy.service.js';
