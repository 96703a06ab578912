export * from './commissions-persistence.module.js';
export * from './commissions.module.js';
export * from './commission.entity.js';
