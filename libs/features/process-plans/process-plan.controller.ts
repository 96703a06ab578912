import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor } from '@app/access';
import type { Actor } from '@app/core';
import { ApiRefusals, UuidParam } from '@app/core';
import { PhaseService } from './phase.service.js';

@ApiTags('process plan')
@ApiBearerAuth()
@Controller('committees/:id')
export class ProcessPlanController {
  constructor(private readonly phases: PhaseService) {}

  @Get('process-plan.svg')
  @ApiProduces('image/svg+xml')
  @ApiOperation({
    summary: 'The process plan drawn on a quarter timeline',
    description:
      'An SVG image: the quarters of the mandate (widened to take in every phase) labelled "1. kvt. 2024", a bar per phase with its title and state (planlagt, aktiv, afsluttet, aflyst) in the colour of its state, and a "i dag" line when today is on the timeline.',
  })
  @ApiOkResponse({ description: 'image/svg+xml', schema: { type: 'string' } })
  @ApiRefusals({ 400: 'the id is not a UUID', 403: 'not a member of the committee, a director or an administrator', 404: 'no committee has the id' })
  async processPlan(@CurrentActor() actor: Actor, @UuidParam('id') committeeId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const svg = await this.phases.processPlanSvg(actor, committeeId);
    // Set only on success: a refusal is JSON, and a fixed @Header would mislabel it.
    reply.header('content-type', 'image/svg+xml; charset=utf-8');
    return svg;
  }
}
