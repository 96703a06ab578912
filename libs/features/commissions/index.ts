export * from './commissions-persistence.module.js';
export * from './commissions.module.js';
export * from './commission.entity.js';
export * from './commission-reminders.module.js';
export * from './commission-approval.reminder.js';
