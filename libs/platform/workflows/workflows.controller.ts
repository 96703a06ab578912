import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_WORKFLOWS, DomainError, toMermaid, type WorkflowDefinition } from '@app/domain';
import { WorkflowDescriptionDto } from './workflow-description.dto.js';

function describe(definition: WorkflowDefinition<string, string, any>): WorkflowDescriptionDto {
  return {
    name: definition.name,
    title: definition.title,
    initial: definition.initial,
    states: [...definition.states],
    final: [...definition.final],
    events: definition.transitions.map((t) => ({
      event: t.event,
      from: [...t.from],
      to: t.to,
      roles: [...t.roles],
      requiresComment: t.requiresComment ?? false,
      conditions: [...(t.when ? [`when ${t.when.description}`] : []), ...(t.guards ?? []).map((g) => g.description)],
      effects: [...(t.effects ?? [])],
      description: t.description,
    })),
    mermaid: toMermaid(definition),
  };
}

@ApiTags('workflows')
@ApiBearerAuth()
@Controller('workflows')
export class WorkflowsController {
  @Get()
  @ApiOperation({ summary: 'Every workflow: states, events, who may fire them, and a Mermaid diagram' })
  @ApiOkResponse({ type: [WorkflowDescriptionDto] })
  list(): WorkflowDescriptionDto[] {
    return ALL_WORKFLOWS.map(describe);
  }

  @Get(':name')
  @ApiOperation({ summary: 'One workflow by name (commission, phase, ...)' })
  @ApiOkResponse({ type: WorkflowDescriptionDto })
  one(@Param('name') name: string): WorkflowDescriptionDto {
    const definition = ALL_WORKFLOWS.find((d) => d.name === name);
    if (!definition) {
      throw new DomainError('not-found', 'workflow_not_found', `No workflow named "${name}"; there are ${ALL_WORKFLOWS.map((d) => d.name).join(', ')}`);
    }
    return describe(definition);
  }
}
