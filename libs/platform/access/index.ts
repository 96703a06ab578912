export * from './access.module.js';
export * from './access.service.js';
export * from './current-actor.decorator.js';
export * from './public.decorator.js';
