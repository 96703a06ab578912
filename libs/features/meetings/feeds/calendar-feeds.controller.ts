import { Controller, Delete, Get, Headers, HttpCode, Ip, Param, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Public } from '@app/access';
import { type Actor, ApiRefusals, ErrorResponseDto, UuidParam } from '@app/core';
import { CalendarFeedCreatedDto, CalendarFeedStatusDto } from './calendar-feed.dto.js';
import { type FeedFile, CalendarFeedService } from './calendar-feed.service.js';

const CALENDAR_RESPONSE = { description: 'text/calendar; charset=utf-8 (METHOD:PUBLISH)', schema: { type: 'string' } } as const;

/** Sends a feed, or 304 when the caller's copy (If-None-Match) is the current one. */
function sendFeed(reply: FastifyReply, file: FeedFile, ifNoneMatch: string | undefined, cacheControl: string): string {
  reply.header('etag', file.etag);
  reply.header('cache-control', cacheControl);
  if (ifNoneMatch?.split(',').some((tag) => tag.trim() === file.etag)) {
    reply.status(304);
    return '';
  }
  reply.header('content-type', 'text/calendar; charset=utf-8');
  return file.ics;
}

@ApiTags('public')
@Public()
@Controller()
export class CalendarFeedsController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Get('public/committees/:id/calendar.ics')
  @ApiProduces('text/calendar')
  @ApiOperation({
    summary: 'The committee’s meetings as a calendar to subscribe to; no login',
    description:
      'Every meeting of the committee whose agenda was sent (published, held, closed), and those cancelled after it, from a year back: each with the UID and SEQUENCE of its invitation, a cancelled one as STATUS:CANCELLED, a link to its page on the public portal. Time, place and title only: no item is named. Revalidate with If-None-Match (the ETag is the sha256 of the file).',
  })
  @ApiOkResponse(CALENDAR_RESPONSE)
  @ApiNotFoundResponse({ description: 'no committee has the id (committee_not_found)', type: ErrorResponseDto })
  async committeeFeed(@UuidParam('id') committeeId: string, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return sendFeed(reply, await this.feeds.committeeFeed(committeeId), ifNoneMatch, 'public, max-age=300');
  }

  @Get('calendar/:file')
  @ApiProduces('text/calendar')
  @ApiOperation({
    summary: 'A person’s own calendar of the meetings they are called to, at its secret address; no login',
    description:
      'The address (`/api/calendar/<token>.ics`) is made with `POST /api/me/calendar-feed`; it works without a login, as calendar applications cannot log in, until it is renewed or ended, or the person loses their login. The meetings of the committees they sit in on the meeting’s day and those they were sent the agenda of, once the agenda is sent, from a year back; cancelled ones as STATUS:CANCELLED. Time, place and title only: no item is named. Never stored by a cache (no-store).',
  })
  @ApiOkResponse(CALENDAR_RESPONSE)
  @ApiNotFoundResponse({ description: 'no feed has this address, or it was renewed or ended (calendar_feed_not_found)', type: ErrorResponseDto })
  @ApiTooManyRequestsResponse({ description: 'too many requests from this client, or for this address, within a minute (rate_limited)', type: ErrorResponseDto })
  async personalFeed(@Param('file') file: string, @Ip() ip: string, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    // Set before the answer is known, so a refusal is not kept by a cache either.
    reply.header('cache-control', 'no-store');
    reply.header('x-robots-tag', 'noindex');
    return sendFeed(reply, await this.feeds.personalFeed(file, ip), ifNoneMatch, 'no-store');
  }
}

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('me/calendar-feed')
export class MyCalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Get()
  @ApiOperation({ summary: 'Whether I have a personal calendar address (anyone logged in)', description: 'The address itself is shown only when it is made: only its hash is kept.' })
  @ApiOkResponse({ type: CalendarFeedStatusDto })
  @ApiRefusals({})
  status(@CurrentActor() actor: Actor): Promise<CalendarFeedStatusDto> {
    return this.feeds.status(actor);
  }

  @Post()
  @ApiOperation({
    summary: 'Make my personal calendar address, or renew it (anyone logged in)',
    description: 'Answers the secret address, this once. Renewing replaces the address: the old one answers 404 at once.',
  })
  @ApiCreatedResponse({ type: CalendarFeedCreatedDto })
  @ApiRefusals({ 403: 'sent with the cookie but without the X-CSRF-Token of the session' })
  create(@CurrentActor() actor: Actor): Promise<CalendarFeedCreatedDto> {
    return this.feeds.create(actor);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'End my personal calendar address (anyone logged in)', description: 'The address answers 404 from now on; 204 also when there was none.' })
  @ApiNoContentResponse({ description: 'no address works any more' })
  @ApiRefusals({ 403: 'sent with the cookie but without the X-CSRF-Token of the session' })
  end(@CurrentActor() actor: Actor): Promise<void> {
    return this.feeds.end(actor);
  }
}
