export * from './request-context.js';
export * from './logger.js';
export * from './http-error.js';
export * from './redis.module.js';
export * from './http/index.js';
export * from './prepared-statement.js';
export * from './rate-counter.js';
