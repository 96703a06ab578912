export * from './auth.module.js';
export * from './password-hasher.js';
