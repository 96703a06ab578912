export * from './mail.module.js';
export * from './delivery.entity.js';
export * from './delivery.service.js';
export * from './delivery.repository.js';
export * from './delivery-message-id.js';
export * from './mail-composer.js';
export * from './mail-transport.service.js';
export * from './delivery-ledger.repository.js';
