export * from './notifications.module.js';
export * from './delivery.entity.js';
export * from './delivery.service.js';
export * from './delivery-message-id.js';
export * from './mail-composer.js';
export * from './mail-transport.service.js';
export * from './welcome-email.handler.js';
export * from './welcome-email.template.js';
