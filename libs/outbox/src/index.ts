export * from './jobs.js';
export * from './outbox.module.js';
export * from './outbox.service.js';
export * from './outbox-message.entity.js';
export * from './outbox-worker.module.js';
