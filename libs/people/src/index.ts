export * from './people.module.js';
export * from './person.entity.js';
export * from './person.service.js';
export * from './person-response.dto.js';
