export * from './auth.module.js';
export * from './browser-admin-auth.service.js';
export { cookieValue, SESSION_COOKIE } from './session-token.js';
