export * from './database.module.js';
export * from './data-source-options.js';
export * from './schema.js';
export * from './prepare.js';
export * from './infrastructure.module.js';
export * from './unit-of-work.js';
export * from './database-health.js';
export * from './keyset-page.js';
