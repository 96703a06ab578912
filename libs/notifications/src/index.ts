export * from './notifications.module.js';
export * from './delivery.entity.js';
