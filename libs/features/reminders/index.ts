export * from './reminders.module.js';
export * from './reminder.scheduler.js';
export * from './reminder.handler.js';
export * from './reminder-reasons.repository.js';
export * from './reminder-email.template.js';
