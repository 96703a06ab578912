import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@app/access';
import type { Actor, Page } from '@app/core';
import { ApiRefusals, PageOf, PageQueryDto, UuidParam } from '@app/core';
import { BodyResponseDto } from './body-response.dto.js';
import { BodyService } from './body.service.js';
import { CreateBodyDto } from './create-body.dto.js';
import { UpdateBodyDto } from './update-body.dto.js';

@ApiTags('bodies')
@ApiBearerAuth()
@Controller('bodies')
export class BodiesController {
  constructor(
    private readonly bodies: BodyService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a municipality or region (admin)', description: 'With its council\'s election term (valgperiode), e.g. 2022-01-01 to 2025-12-31.' })
  @ApiCreatedResponse({ type: BodyResponseDto })
  @ApiRefusals({ 400: 'a field is missing or malformed, an unknown field was sent, or the term ends before it starts', 403: 'not an administrator' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateBodyDto): Promise<BodyResponseDto> {
    return this.bodies.create(actor, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List municipalities and regions by name (anyone logged in)', description: 'Paged, by name and then id.' })
  @ApiOkResponse({ type: PageOf(BodyResponseDto) })
  @ApiRefusals({ 400: 'a malformed query parameter or cursor' })
  list(@Query() query: PageQueryDto): Promise<Page<BodyResponseDto>> {
    return this.bodies.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One municipality or region (anyone logged in)' })
  @ApiOkResponse({ type: BodyResponseDto })
  @ApiRefusals({ 400: 'the id is not a UUID', 404: 'no body has the id' })
  get(@UuidParam('id') id: string): Promise<BodyResponseDto> {
    return this.bodies.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a municipality or region (admin)', description: 'Only the fields sent change; the election term dates take null to clear.' })
  @ApiOkResponse({ type: BodyResponseDto })
  @ApiRefusals({
    400: 'a field is malformed, or the term would end before it starts',
    403: 'not an administrator',
    404: 'no body has the id',
    409: 'the term would end before a § 17, stk. 4 committee of the body does',
  })
  update(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: UpdateBodyDto): Promise<BodyResponseDto> {
    return this.bodies.update(actor, id, dto);
  }
}
