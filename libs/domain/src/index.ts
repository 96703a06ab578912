export * from './errors.js';
export * from './dates.js';
export * from './committee-rules.js';
