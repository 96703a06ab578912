export * from './notice.js';
export * from './notice.jobs.js';
export * from './notice-mailer.js';
export * from './notice-email.handler.js';
