export * from './process-plans-persistence.module.js';
export * from './process-plans.module.js';
export * from './phase.entity.js';
export * from './phase-participant.entity.js';
export * from './phase.service.js';
export * from './phase-response.dto.js';
export * from './phase-sql.repository.js';
