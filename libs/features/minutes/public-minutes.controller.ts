import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@app/access';
import { ApiRefusals, UuidParam } from '@app/core';
import { type Disposition, FileDispositionQueryDto } from '@app/meetings';
import type { MinutesFormat } from './minutes-file.entity.js';
import { sendMinutesContent } from './minutes.controller.js';
import { MinutesAddendumDto } from './minutes.dto.js';
import { MinutesService } from './minutes.service.js';

const PUBLIC_REFUSALS = { 400: 'the id is not a UUID', 404: 'no published minutes for the meeting' } as const;

/** The published minutes for anyone: closed items show only their number, time slot and "Lukket punkt: <public title>". */
@ApiTags('public')
@Public()
@Controller('public/meetings/:id')
export class PublicMinutesController {
  constructor(private readonly minutes: MinutesService) {}

  @Get('minutes.html')
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'The published minutes as HTML, closed items reduced (no login)' })
  @ApiOkResponse({ description: 'text/html', schema: { type: 'string' } })
  @ApiRefusals(PUBLIC_REFUSALS)
  html(@UuidParam('id') meetingId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.send(meetingId, 'html', reply);
  }

  @Get('minutes.pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The published minutes as PDF, closed items reduced (no login); shown inline unless `disposition=attachment`' })
  @ApiOkResponse({ description: 'application/pdf', schema: { type: 'string', format: 'binary' } })
  @ApiRefusals({ ...PUBLIC_REFUSALS, 400: 'the id is not a UUID, or an unknown disposition' })
  pdf(@UuidParam('id') meetingId: string, @Query() query: FileDispositionQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.send(meetingId, 'pdf', reply, query.disposition);
  }

  @Get('minutes.md')
  @ApiProduces('text/markdown')
  @ApiOperation({ summary: 'The published minutes as Markdown, closed items reduced (no login)' })
  @ApiOkResponse({ description: 'text/markdown', schema: { type: 'string' } })
  @ApiRefusals(PUBLIC_REFUSALS)
  markdown(@UuidParam('id') meetingId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.send(meetingId, 'md', reply);
  }

  @Get('minutes/addenda')
  @ApiOperation({ summary: 'The published minutes’ public addenda: on the whole referat or an open item, oldest first (no login)' })
  @ApiOkResponse({ type: [MinutesAddendumDto] })
  @ApiRefusals(PUBLIC_REFUSALS)
  addenda(@UuidParam('id') meetingId: string): Promise<MinutesAddendumDto[]> {
    return this.minutes.publicAddenda(meetingId);
  }

  @Get('minutes/addenda/:addendumId/tillaeg.pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'A public addendum as its own dated PDF, "Tillæg til referatet" (no login); one on a closed item is 404' })
  @ApiOkResponse({ description: 'application/pdf', schema: { type: 'string', format: 'binary' } })
  @ApiRefusals({ 400: 'an id is not a UUID', 404: 'no published minutes for the meeting, or no public addendum of them has the id' })
  async addendumPdf(@UuidParam('id') meetingId: string, @UuidParam('addendumId') addendumId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendMinutesContent(reply, await this.minutes.publicAddendumPdf(meetingId, addendumId));
  }

  private async send(meetingId: string, format: MinutesFormat, reply: FastifyReply, disposition?: Disposition): Promise<Buffer> {
    return sendMinutesContent(reply, await this.minutes.publicDocument(meetingId, format), disposition);
  }
}
