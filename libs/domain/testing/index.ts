export * from './minutes-fixture.js';
