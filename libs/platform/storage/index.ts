export * from './content-addressed.store.js';
