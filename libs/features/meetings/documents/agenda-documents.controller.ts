import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Public } from '@app/access';
import { type Actor, ApiRefusals, UuidParam } from '@app/core';
import { contentDisposition, type Disposition } from '../attachments/attachment-file.util.js';
import { FileDispositionQueryDto } from '../attachments/file-disposition-query.dto.js';
import { type AgendaPdf, AgendaDocumentService } from './agenda-document.service.js';

/**
 * Sends a built PDF under its Danish file name with its hash as ETag. The members' copy holds closed items in full,
 * so no cache keeps it; the public copy is revalidated on each use, as the agenda can change.
 */
function sendAgendaPdf(reply: FastifyReply, { content, sha256, fileName }: AgendaPdf, audience: 'members' | 'public', disposition: Disposition = 'attachment'): Buffer {
  reply.header('content-type', 'application/pdf');
  reply.header('etag', `"${sha256}"`);
  reply.header('cache-control', audience === 'members' ? 'private, no-store' : 'no-cache');
  reply.header('content-disposition', contentDisposition(fileName, disposition));
  return content;
}

const PDF_RESPONSE = { description: 'application/pdf', schema: { type: 'string', format: 'binary' } } as const;
const NOT_READY = 'agenda_pdf_not_ready: the worker has not built the PDF of the agenda as it is now within AGENDA_PDF_WAIT_MS';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('meetings/:id')
export class AgendaDocumentsController {
  constructor(private readonly documents: AgendaDocumentService) {}

  @Get('agenda.pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: 'The agenda as one PDF (samlet dagsorden), closed items in full (members, directors, admin)',
    description:
      'Committee, title, time, place and every item with its number, time slot, case number, Resume, Indstilling, Sagsfremstilling, Beslutning and Bilag. Built by the worker when the agenda is published and after each change; only the PDF of the agenda as it is now is served, its sha256 as ETag.',
  })
  @ApiOkResponse(PDF_RESPONSE)
  @ApiRefusals({
    400: 'the id is not a UUID',
    403: 'not a member of the committee, a director or an administrator',
    404: 'no meeting has the id',
    409: `agenda_not_sent: the meeting is planned or cancelled; ${NOT_READY}`,
  })
  async agenda(@CurrentActor() actor: Actor, @UuidParam('id') meetingId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return sendAgendaPdf(reply, await this.documents.membersPdf(actor, meetingId), 'members');
  }
}

@ApiTags('public')
@Public()
@Controller('public/meetings/:id')
export class PublicAgendaDocumentsController {
  constructor(private readonly documents: AgendaDocumentService) {}

  @Get('agenda.pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: 'The published agenda as one PDF; closed items only as their number, time slot and "Lukket punkt: <public title>" (no login)',
    description: 'No text and no Bilag names of closed items. Its sha256 as ETag. A download unless `disposition=inline`.',
  })
  @ApiOkResponse(PDF_RESPONSE)
  @ApiRefusals({ 400: 'the id is not a UUID, or an unknown disposition', 404: 'no meeting has the id, or its agenda is not published (planned or cancelled)', 409: NOT_READY })
  async agenda(@UuidParam('id') meetingId: string, @Query() query: FileDispositionQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return sendAgendaPdf(reply, await this.documents.publicPdf(meetingId), 'public', query.disposition);
  }
}
