export * from './test-app.js';
export * from './smtp-server.js';
export * from './factories.js';
export * from './outbox.js';
export * from './app-process.js';
export * from './pdf-text.js';
