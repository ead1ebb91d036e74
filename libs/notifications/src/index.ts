export * from './models/notification-kind.enum.js';
export * from './models/notification.model.js';
export * from './notification-retention.service.js';
export * from './notifications.module.js';
export * from './notifications.service.js';
export { NOTIFICATION_ADDED, PUB_SUB } from './pub-sub.provider.js';
