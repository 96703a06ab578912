import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@app/access';
import { type Actor, ApiRefusals, PageQueryDto } from '@app/core';
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
      'Each item links to the one that referred the case to it (`referredFromItemId`). Items of committees you may read come with their content. Of the other committees you see only open items on a published agenda (what the public pages show): the committee, the meeting day, the item number, its state and its title, and its decision (Beslutning) once that meeting’s minutes are published; their closed items and unpublished agendas are left out entirely. A case number with no item you may see answers 404 exactly as an unknown one does. Paged, by meeting start, item number and id.',
  })
  @ApiOkResponse({ type: CaseRouteDto })
  @ApiRefusals({ 400: 'a malformed query parameter, or a cursor of another case (`cursor_filters_changed`)', 404: 'no agenda item you may see has the case number (the same answer whether or not other items have it)' })
  route(@CurrentActor() actor: Actor, @Param('caseNumber') caseNumber: string, @Query() query: PageQueryDto): Promise<CaseRouteDto> {
    return this.cases.route(actor, caseNumber, query);
  }
}
