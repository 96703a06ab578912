export * from './workflow-definition.js';
export * from './workflow-engine.js';
export * from './commission.workflow.js';
export * from './phase.workflow.js';
export * from './meeting.workflow.js';
export * from './agenda-item.workflow.js';
export * from './minutes.workflow.js';
export * from './all-workflows.js';
