import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@app/access';
import type { Actor, Page } from '@app/core';
import { ApiRefusals, PageOf, UuidParam } from '@app/core';
import { CommitteeDetailResponseDto, CommitteeResponseDto } from './committee-response.dto.js';
import { CommitteeService } from './committee.service.js';
import { CreateCommitteeDto } from './create-committee.dto.js';
import { ListCommitteesQueryDto } from './list-committees-query.dto.js';
import { UpdateCommitteeDto } from './update-committee.dto.js';

const MANDATE_RULES =
  'The mandate may not end before it starts; a § 17, stk. 4 committee needs a mandateEnd no later than the end of its body\'s election term; a working group needs parentId; parentId and reportsToId must name committees of the same body and may not lead back to the committee.';

@ApiTags('committees')
@ApiBearerAuth()
@Controller('committees')
export class CommitteesController {
  constructor(
    private readonly committees: CommitteeService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a committee (admin)', description: MANDATE_RULES })
  @ApiCreatedResponse({ type: CommitteeResponseDto })
  @ApiRefusals({
    400: 'a field is missing or malformed, an unknown field was sent, or the committee breaks a rule above',
    403: 'not an administrator',
    404: 'bodyId, parentId or reportsToId names nothing (the message says which)',
  })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCommitteeDto): Promise<CommitteeResponseDto> {
    return this.committees.create(actor, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List committees by name (anyone logged in)', description: 'Filter by body and kind. Paged, by name and then id; the cursor carries the filters on.' })
  @ApiOkResponse({ type: PageOf(CommitteeResponseDto) })
  @ApiRefusals({ 400: 'a malformed query parameter, or a cursor given out for other filters (`cursor_filters_changed`)' })
  list(@Query() query: ListCommitteesQueryDto): Promise<Page<CommitteeResponseDto>> {
    return this.committees.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One committee with the members seated today (anyone logged in)' })
  @ApiOkResponse({ type: CommitteeDetailResponseDto })
  @ApiRefusals({ 400: 'the id is not a UUID', 404: 'no committee has the id' })
  get(@UuidParam('id') id: string): Promise<CommitteeDetailResponseDto> {
    return this.committees.get(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a committee (admin)',
    description: `Only the fields sent change; parentId, reportsToId and mandateEnd take null to clear. ${MANDATE_RULES} A new mandate must still cover every membership.`,
  })
  @ApiOkResponse({ type: CommitteeResponseDto })
  @ApiRefusals({
    400: 'a field is malformed, or the committee would break a rule above',
    403: 'not an administrator',
    404: 'no committee has the id, or parentId or reportsToId names nothing',
    409: 'the new mandate would leave memberships outside it',
  })
  update(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: UpdateCommitteeDto): Promise<CommitteeResponseDto> {
    return this.committees.update(actor, id, dto);
  }
}
