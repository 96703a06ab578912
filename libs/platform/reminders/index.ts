export * from './reminders.module.js';
export * from './reminder-kind.js';
export * from './reminder.jobs.js';
export * from './reminder-registry.js';
export * from './reminder.scheduler.js';
export * from './reminder.handler.js';
export * from './reminder-email.template.js';
