export * from './workflows.module.js';
export * from './workflow.service.js';
export * from './workflow-roles.js';
export * from './workflow-transition.entity.js';
export * from './workflow-description.dto.js';
export * from './workflow-history.repository.js';
