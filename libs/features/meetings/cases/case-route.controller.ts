import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@app/access';
import { type Actor, ApiRefusals } from '@app/core';
import { CaseRouteDto } from './case-route.dto.js';
import { CaseRouteService } from './case-route.service.js';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CaseRouteController {
  constructor(private readonly cases: CaseRouteService) {}

  @Get(':caseNumber')
  @ApiOperation({
    summary: 'A case’s route through the committees: every item with the case number, in meeting order (logged in)',
    description:
      'Each item links to the one that referred the case to it (`referredFromItemId`). Items of committees you may read come with their content. Of the other committees you see only open items on a published agenda (what the public pages show): the committee, the meeting day, the item number, its state and its title; their closed items and unpublished agendas are left out entirely. A case number with no item you may see answers 404 exactly as an unknown one does.',
  })
  @ApiOkResponse({ type: CaseRouteDto })
  @ApiRefusals({ 404: 'no agenda item you may see has the case number (the same answer whether or not other items have it)' })
  route(@CurrentActor() actor: Actor, @Param('caseNumber') caseNumber: string): Promise<CaseRouteDto> {
    return this.cases.route(actor, caseNumber);
  }
}
