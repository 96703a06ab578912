/**
 * The test kit: what the integration, service and resilience tests and the benchmarks start the system with and
 * talk to it through. One of each: the in-process app, the launcher of processes from the build, the API client,
 * the SMTP server, the fixture builder, the Redis server, and the database helpers.
 */
export * from './api-client.js';
export * from './app-cluster.js';
export * from './database.js';
export * from './expectations.js';
export * from './fixtures.js';
export * from './free-port.js';
export * from './outbox.js';
export * from './pdf-structure.js';
export * from './pdf-text.js';
export * from './postgres-server.js';
export * from './processes.js';
export * from './redis-server.js';
export * from './service-module.js';
export * from './smtp-server.js';
export * from './test-app.js';
export * from './test-environment.js';
export * from './wait.js';
export * from './oparl-validator.js';
export * from './job-runner.js';
