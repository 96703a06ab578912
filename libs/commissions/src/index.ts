export * from './commissions.module.js';
export * from './commission.entity.js';
