import { agendaItemWorkflow } from './agenda-item.workflow.js';
import { commissionWorkflow } from './commission.workflow.js';
import { meetingWorkflow } from './meeting.workflow.js';
import { minutesWorkflow } from './minutes.workflow.js';
import { phaseWorkflow } from './phase.workflow.js';
import type { WorkflowDefinition } from './workflow-definition.js';

/** Every workflow of the product, served by GET /api/workflows and checked at start-up. */
export const ALL_WORKFLOWS: readonly WorkflowDefinition<string, string, any>[] = [commissionWorkflow, phaseWorkflow, meetingWorkflow, agendaItemWorkflow, minutesWorkflow];
