export * from './auth.module.js';
export * from './browser-admin-auth.service.js';
