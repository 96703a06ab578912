export * from './strategy.module.js';
export * from './strategic-aim.entity.js';
