export * from './auth.module.js';
export * from './password-hasher.js';
export * from './browser-admin-auth.service.js';
