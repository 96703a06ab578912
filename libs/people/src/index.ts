export * from './people.module.js';
export * from './person.entity.js';
