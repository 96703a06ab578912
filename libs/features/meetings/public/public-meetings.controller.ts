import { Controller, Get, Query, Res, type StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@app/access';
import { ErrorResponseDto, type Page, PageOf, PageQueryDto, UuidParam } from '@app/core';
import { attachmentDownload } from '../attachments/attachment-download.util.js';
import { FileDispositionQueryDto } from '../attachments/file-disposition-query.dto.js';
import { PublicCommitteeDto, PublicMeetingDto, PublicMeetingSummaryDto, PublicMeetingsQueryDto } from './public-meeting.dto.js';
import { PublicMeetingService } from './public-meeting.service.js';

@ApiTags('public')
@Public()
@Controller('public')
export class PublicMeetingsController {
  constructor(private readonly meetings: PublicMeetingService) {}

  @Get('meetings')
  @ApiOperation({
    summary: 'Meetings whose agenda has been sent (published, held, closed), newest first; no login',
    description: 'Searched by committee and by a range of meeting days (`from`, `to`, both included, in Copenhagen). Paged, by start and then id, newest first; the cursor carries the search on.',
  })
  @ApiOkResponse({ type: PageOf(PublicMeetingSummaryDto) })
  @ApiBadRequestResponse({ description: 'a malformed query parameter, `to` before `from` (`date_range_reversed`), or a cursor given out for another search (`cursor_filters_changed`)', type: ErrorResponseDto })
  list(@Query() query: PublicMeetingsQueryDto): Promise<Page<PublicMeetingSummaryDto>> {
    return this.meetings.list(query);
  }

  @Get('committees')
  @ApiOperation({ summary: 'The committees with an agenda sent, to search the meetings by; no login', description: 'Paged, by name and then id.' })
  @ApiOkResponse({ type: PageOf(PublicCommitteeDto) })
  @ApiBadRequestResponse({ description: 'a malformed query parameter or cursor', type: ErrorResponseDto })
  committees(@Query() query: PageQueryDto): Promise<Page<PublicCommitteeDto>> {
    return this.meetings.committees(query);
  }

  @Get('meetings/:id')
  @ApiOperation({ summary: 'A meeting’s public agenda; no login', description: 'Closed items show only their number, time slot and "Lukket punkt": no text, no attachments, no notes.' })
  @ApiOkResponse({ type: PublicMeetingDto })
  @ApiNotFoundResponse({ description: 'no such meeting, or it is planned or cancelled', type: ErrorResponseDto })
  agenda(@UuidParam('id') id: string): Promise<PublicMeetingDto> {
    return this.meetings.agenda(id);
  }

  @Get('attachments/:id/content')
  @ApiOperation({ summary: 'A Bilag of an open item on a public agenda, as a download unless `disposition=inline`; no login' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'the file', schema: { type: 'string', format: 'binary' } })
  @ApiBadRequestResponse({ description: 'the id is not a UUID, or an unknown disposition', type: ErrorResponseDto })
  @ApiNotFoundResponse({ description: 'no such attachment, or it belongs to a closed item or a meeting that is not public', type: ErrorResponseDto })
  async attachmentContent(@UuidParam('id') id: string, @Query() query: FileDispositionQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    return attachmentDownload(reply, await this.meetings.attachmentContent(id), 'public', query.disposition);
  }
}
