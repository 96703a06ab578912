export * from './oparl.module.js';
export * from './oparl.service.js';
