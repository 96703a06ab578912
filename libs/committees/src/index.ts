export * from './committees.module.js';
export * from './body.entity.js';
export * from './committee.entity.js';
export * from './membership.entity.js';
