export * from './models/notification-kind.enum.js';
export * from './models/notification.model.js';
export * from './notifications.module.js';
export * from './notifications.service.js';
