export * from './errors.js';
export * from './dates.js';
export * from './committee-rules.js';
export * from './workflow/index.js';
export * from './quarters.js';
export * from './redaction.js';
export * from './icalendar.js';
export * from './working-days.js';
