import { Controller, Delete, Get, HttpCode, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@app/access';
import type { Actor } from '@app/core';
import { ApiRefusals, UuidParam } from '@app/core';
import { ReferralSourceDto } from './referral-source.dto.js';
import { ReferralSourceService } from './referral-source.service.js';

const ROUTE_RULE =
  'A case may be referred (`refer` on an item) to a committee up the sending committee’s `reportsToId` line, or to a committee that lists the sender here. The referral arrives as a proposal the receiving secretary accepts onto an agenda or declines.';

@ApiTags('committees')
@ApiBearerAuth()
@Controller('committees/:id/referral-sources')
export class ReferralSourcesController {
  constructor(private readonly sources: ReferralSourceService) {}

  @Get()
  @ApiOperation({ summary: 'The committees this committee receives referred cases from, besides those reporting to it (anyone logged in)', description: ROUTE_RULE })
  @ApiOkResponse({ type: [ReferralSourceDto] })
  @ApiRefusals({ 400: 'the id is not a UUID', 404: 'no committee has the id' })
  list(@UuidParam('id') committeeId: string): Promise<ReferralSourceDto[]> {
    return this.sources.list(committeeId);
  }

  @Put(':sourceCommitteeId')
  @ApiOperation({ summary: "Receive referred cases from another committee (admin or this committee's secretary)", description: `${ROUTE_RULE} Adding a source twice changes nothing.` })
  @ApiOkResponse({ type: [ReferralSourceDto], description: 'the committee’s sources after the change' })
  @ApiRefusals({
    400: 'an id is not a UUID, or the source is the committee itself',
    403: "neither an administrator nor the committee's secretary",
    404: 'no committee has one of the ids',
  })
  add(@CurrentActor() actor: Actor, @UuidParam('id') committeeId: string, @UuidParam('sourceCommitteeId') sourceCommitteeId: string): Promise<ReferralSourceDto[]> {
    return this.sources.add(actor, committeeId, sourceCommitteeId);
  }

  @Delete(':sourceCommitteeId')
  @HttpCode(204)
  @ApiOperation({ summary: "Stop receiving referred cases from a committee (admin or this committee's secretary)", description: 'Proposals already made stay for the secretary to accept or decline.' })
  @ApiNoContentResponse({ description: 'removed' })
  @ApiRefusals({
    400: 'an id is not a UUID',
    403: "neither an administrator nor the committee's secretary",
    404: 'no committee has the id, or it does not receive from the other (`referral_source_not_found`)',
  })
  async remove(@CurrentActor() actor: Actor, @UuidParam('id') committeeId: string, @UuidParam('sourceCommitteeId') sourceCommitteeId: string): Promise<void> {
    await this.sources.remove(actor, committeeId, sourceCommitteeId);
  }
}
