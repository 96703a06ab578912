import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor } from '@app/access';
import { type Actor, ApiRefusals, UuidParam } from '@app/core';
import { AvailableEventDto, TransitionHistoryDto } from '@app/workflows';
import { PublicationEventDto } from '@app/meetings';
import type { MinutesFormat } from './minutes-file.entity.js';
import { CreateMinutesAddendumDto, MinutesDocumentQueryDto, MinutesDto } from './minutes.dto.js';
import { type MinutesContent, MinutesService } from './minutes.service.js';

/** Sends a stored document with its type, its hash as ETag (clients can check it against the seal) and a file name. */
export function sendMinutesContent(reply: FastifyReply, { content, contentType, sha256, fileName }: MinutesContent): Buffer {
  reply.header('content-type', contentType);
  reply.header('etag', `"${sha256}"`);
  reply.header('content-disposition', `inline; filename="${fileName}"`);
  return content;
}

const READ_REFUSALS = {
  400: 'the id is not a UUID, or an unknown variant',
  403: 'not a member of the committee, a director, an administrator or a substitute called in for the meeting',
  404: 'no meeting has the id, it has no minutes yet, or they are not assembled yet (minutes_not_ready)',
} as const;

@ApiTags('minutes')
@ApiBearerAuth()
@Controller('meetings/:id')
export class MinutesController {
  constructor(private readonly minutes: MinutesService) {}

  @Post('minutes')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Assemble the minutes (secretary, meeting held)',
    description:
      'Queues the assembly job and answers at once with state pending; GET shows the progress and the documents when it is done. Again for a draft replaces the draft; approved minutes must be reopened first; signed minutes are refused.',
  })
  @ApiAcceptedResponse({ type: MinutesDto })
  @ApiRefusals({ 400: 'the id is not a UUID', 403: 'not the committee’s secretary or an administrator', 404: 'no meeting has the id', 409: 'the meeting is not held; the minutes are approved or sealed' })
  assemble(@CurrentActor() actor: Actor, @UuidParam('id') meetingId: string): Promise<MinutesDto> {
    return this.minutes.requestAssembly(actor, meetingId);
  }

  @Get('minutes')
  @ApiOperation({ summary: 'The minutes’ state, assembly progress, documents, signatures, seal and additions (committee readers)' })
  @ApiOkResponse({ type: MinutesDto })
  @ApiRefusals({ 400: 'the id is not a UUID', 403: READ_REFUSALS[403], 404: 'no meeting has the id, or it has no minutes yet' })
  status(@CurrentActor() actor: Actor, @UuidParam('id') meetingId: string): Promise<MinutesDto> {
    return this.minutes.status(actor, meetingId);
  }

  @Get('minutes.html')
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'The minutes as a printable HTML page; closed items in full (committee readers)' })
  @ApiOkResponse({ description: 'text/html', schema: { type: 'string' } })
  @ApiRefusals(READ_REFUSALS)
  html(@CurrentActor() actor: Actor, @UuidParam('id') meetingId: string, @Query() query: MinutesDocumentQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.send(actor, meetingId, 'html', query, reply);
  }

  @Get('minutes.pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: 'The minutes as PDF with a table of contents; once sealed, ending with Underskrifter (edition=assembled: the members’ PDF the seal covers)',
  })
  @ApiOkResponse({ description: 'application/pdf', schema: { type: 'string', format: 'binary' } })
  @ApiRefusals(READ_REFUSALS)
  pdf(@CurrentActor() actor: Actor, @UuidParam('id') meetingId: string, @Query() query: MinutesDocumentQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.send(actor, meetingId, 'pdf', query, reply);
  }

  @Get('minutes.md')
  @ApiProduces('text/markdown')
  @ApiOperation({ summary: 'The minutes as Markdown (committee readers)' })
  @ApiOkResponse({ description: 'text/markdown', schema: { type: 'string' } })
  @ApiRefusals(READ_REFUSALS)
  markdown(@CurrentActor() actor: Actor, @UuidParam('id') meetingId: string, @Query() query: MinutesDocumentQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.send(actor, meetingId, 'md', query, reply);
  }

  @Get('minutes/transitions')
  @ApiOperation({ summary: 'The events you may fire on the minutes now' })
  @ApiOkResponse({ type: [AvailableEventDto] })
  @ApiRefusals({ 400: 'the id is not a UUID', 403: READ_REFUSALS[403], 404: 'no meeting has the id, or it has no minutes yet' })
  transitions(@CurrentActor() actor: Actor, @UuidParam('id') meetingId: string) {
    return this.minutes.availableTransitions(actor, meetingId);
  }

  @Post('minutes/transitions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Fire an event: approve (chair), sign (each who must sign; the last signature seals), publish (secretary), reopen (chair or secretary)',
  })
  @ApiOkResponse({ type: MinutesDto })
  @ApiRefusals({
    400: 'unknown event',
    403: 'the role may not fire the event; signing by someone who did not take part (not_a_signatory)',
    404: 'no meeting has the id, or it has no minutes yet',
    409: 'not from this state; still being assembled; already signed; on approve and publish, `personal_data_found`: the public text holds a CPR number, e-mail address or phone number not confirmed in `confirmPublic`',
  })
  fire(@CurrentActor() actor: Actor, @UuidParam('id') meetingId: string, @Body() dto: PublicationEventDto): Promise<MinutesDto> {
    return this.minutes.fire(actor, meetingId, dto.event, dto.comment, dto.confirmPublic);
  }

  @Get('minutes/history')
  @ApiOperation({ summary: 'The minutes’ trail through their workflow, each signature included' })
  @ApiOkResponse({ type: [TransitionHistoryDto] })
  @ApiRefusals({ 400: 'the id is not a UUID', 403: READ_REFUSALS[403], 404: 'no meeting has the id, or it has no minutes yet' })
  history(@CurrentActor() actor: Actor, @UuidParam('id') meetingId: string) {
    return this.minutes.history(actor, meetingId);
  }

  @Post('minutes/addenda')
  @ApiOperation({
    summary: 'Append a dated addition (tilføjelse) to sealed minutes (secretary)',
    description: 'The sealed document does not change; the addition gets its own hash, chained to the seal or the addition before it.',
  })
  @ApiCreatedResponse({ type: MinutesDto })
  @ApiRefusals({
    400: 'no text; the item is not on the meeting’s agenda (addendum_item_not_on_agenda)',
    403: 'not the committee’s secretary or an administrator',
    404: 'no meeting has the id, or it has no minutes',
    409: 'the minutes are not sealed yet',
  })
  addAddendum(@CurrentActor() actor: Actor, @UuidParam('id') meetingId: string, @Body() dto: CreateMinutesAddendumDto): Promise<MinutesDto> {
    return this.minutes.addAddendum(actor, meetingId, dto.text, dto.itemId ?? null);
  }

  @Get('minutes/addenda/:addendumId/tillaeg.pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'An addendum as its own dated PDF, "Tillæg til referatet", beside the sealed PDF (committee readers)' })
  @ApiOkResponse({ description: 'application/pdf', schema: { type: 'string', format: 'binary' } })
  @ApiRefusals({ 400: 'an id is not a UUID', 403: READ_REFUSALS[403], 404: 'no meeting has the id, it has no minutes, or no addendum of them has the id' })
  async addendumPdf(@CurrentActor() actor: Actor, @UuidParam('id') meetingId: string, @UuidParam('addendumId') addendumId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendMinutesContent(reply, await this.minutes.addendumPdf(actor, meetingId, addendumId));
  }

  private async send(actor: Actor, meetingId: string, format: MinutesFormat, query: MinutesDocumentQueryDto, reply: FastifyReply): Promise<Buffer> {
    return sendMinutesContent(reply, await this.minutes.document(actor, meetingId, format, query.variant, query.edition));
  }
}
