import { Controller, Delete, Get, HttpCode, Post, Query, Req, Res, type StreamableFile, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor } from '@app/access';
import { type Actor, ApiRefusals, ErrorResponseDto, type Page, PageOf, PageQueryDto, UuidParam } from '@app/core';
import { DomainError } from '@app/domain';
import { AttachmentChangeDto, AttachmentDto } from '../agenda/agenda-item.dto.js';
import { attachmentDownload } from './attachment-download.util.js';
import { ACCEPTED_ATTACHMENT_TYPES_TEXT } from './attachment-file.util.js';
import { AttachmentService, type AttachmentUpload } from './attachment.service.js';

/** The multipart part named `file`, its bytes not yet read; the parser cuts it off (and marks it truncated) at maxBytes. */
async function filePart(request: FastifyRequest, maxBytes: number): Promise<AttachmentUpload> {
  if (!request.isMultipart()) {
    throw new UnsupportedMediaTypeException({ code: 'multipart_expected', message: 'Send the file as multipart/form-data in the field "file"' });
  }
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await request.file({ limits: { fileSize: maxBytes } });
  } catch (error) {
    // The parser's own refusals carry their status (413 for too many parts); anything else is a malformed body.
    if (typeof (error as { statusCode?: unknown }).statusCode === 'number') throw error;
    throw DomainError.invalid('invalid_multipart', `The multipart body could not be read: ${(error as Error).message}`);
  }
  if (!part || part.fieldname !== 'file') {
    part?.file.resume();
    throw DomainError.invalid('file_missing', 'Send the file in the multipart field "file"');
  }
  return { fileName: part.filename, declaredType: part.mimetype, stream: part.file };
}

@ApiTags('attachments')
@ApiBearerAuth()
@Controller()
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentService) {}

  @Post('items/:id/attachments')
  @ApiOperation({
    summary: 'Upload a Bilag to an item (secretary)',
    description: `While the meeting is planned, published or held. Accepted: ${ACCEPTED_ATTACHMENT_TYPES_TEXT}, each checked against its content (its first bytes) and its name's extension; at most ATTACHMENT_MAX_BYTES (25 MiB unless configured). The file name is kept without any path; identical files are stored once.`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: AttachmentChangeDto, description: 'After the material’s notice deadline on a published agenda: marked Eftersendt (`sentLateAt`), with the warning `material_notice_not_met`' })
  @ApiRefusals({ 400: 'no file in the field "file", or the upload broke off', 403: 'not the committee’s secretary', 404: 'no item has the id', 409: 'the meeting is closed or cancelled' })
  @ApiResponse({ status: 413, description: 'the file is larger than ATTACHMENT_MAX_BYTES', type: ErrorResponseDto })
  @ApiResponse({ status: 415, description: 'not multipart, a file type outside the allow-list, or a file whose content or name is not the type it is sent as', type: ErrorResponseDto })
  async upload(@CurrentActor() actor: Actor, @UuidParam('id') itemId: string, @Req() request: FastifyRequest): Promise<AttachmentChangeDto> {
    return this.attachments.add(actor, itemId, await filePart(request, this.attachments.maxBytes));
  }

  @Get('items/:id/attachments')
  @ApiOperation({ summary: 'The item’s Bilag (members, directors, admin)', description: 'Paged, in the order they were added (then by id).' })
  @ApiOkResponse({ type: PageOf(AttachmentDto) })
  @ApiRefusals({ 400: 'a malformed query parameter or cursor', 403: 'not a member of the committee, a director or an administrator', 404: 'no item has the id' })
  list(@CurrentActor() actor: Actor, @UuidParam('id') itemId: string, @Query() query: PageQueryDto): Promise<Page<AttachmentDto>> {
    return this.attachments.list(actor, itemId, query);
  }

  @Get('attachments/:id/content')
  @ApiOperation({ summary: 'Download a Bilag (members, directors, admin; closed items included)' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'the file, with its content type and its name in Content-Disposition', schema: { type: 'string', format: 'binary' } })
  @ApiRefusals({ 403: 'not a member of the committee, a director or an administrator', 404: 'no attachment has the id' })
  async content(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    return attachmentDownload(reply, await this.attachments.content(actor, id), 'members');
  }

  @Delete('attachments/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a Bilag (secretary)', description: 'While the meeting is planned, published or held. The stored file stays while another Bilag has the same bytes.' })
  @ApiNoContentResponse()
  @ApiRefusals({ 403: 'not the committee’s secretary', 404: 'no attachment has the id', 409: 'the meeting is closed or cancelled' })
  remove(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<void> {
    return this.attachments.remove(actor, id);
  }
}
