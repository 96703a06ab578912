import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AuditService } from '@app/audit';
import { AppConfig } from '@app/config';
import { type Actor, InjectRedis, RateCounter } from '@app/core';
import { UnitOfWork } from '@app/database';
import { DomainError, type ErrorCode } from '@app/domain';
import { feedCalendar } from './calendar-feed.builder.js';
import type { CalendarFeedCreatedDto, CalendarFeedStatusDto } from './calendar-feed.dto.js';
import { CalendarFeedRepository } from './calendar-feed.repository.js';

/** How far back a feed reaches: a year of past meetings, and every meeting ahead. */
const FEED_HISTORY_MS = 366 * 24 * 3_600_000;

/**
 * Requests to personal feeds, per minute: from one client address (calendar services fetch many people's feeds from
 * few addresses, so the bound is wide), and for one address, which a calendar fetches every hour or so.
 */
const REQUESTS_PER_CLIENT = 300;
const REQUESTS_PER_FEED = 10;
const WINDOW_SECONDS = 60;

/** A personal feed's file name: the token (256 bits, base64url) and `.ics`. */
const FEED_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;

// The code DomainError.notFound('calendar feed', …) answers, whose message and details would repeat the token.
const feedNotFound = () =>
  new DomainError('not-found', 'calendar_feed_not_found' as ErrorCode<'not-found'>, 'No calendar feed has this address; it may have been renewed or ended');

/** A calendar file and the validator a cache revalidates it with. */
export interface FeedFile {
  ics: string;
  etag: string;
}

const withEtag = (ics: string): FeedFile => ({ ics, etag: `"${createHash('sha256').update(ics, 'utf8').digest('hex')}"` });

/**
 * Calendar feeds: a committee's public one, and each person's own at a secret address they make, renew and end.
 * Both show meeting-level facts only (time, place, title, state), with the UID and SEQUENCE of the invitation.
 */
@Injectable()
export class CalendarFeedService {
  private readonly counter: RateCounter;

  constructor(
    private readonly feeds: CalendarFeedRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    @InjectRedis() redis: Redis,
  ) {
    this.counter = new RateCounter(redis, 'CalendarFeeds', 'calendar feed requests');
  }

  /** The committee's meetings whose agenda was sent, as the public portal shows them (and those cancelled since). */
  async committeeFeed(committeeId: string): Promise<FeedFile> {
    const name = await this.feeds.committeeName(committeeId);
    if (name === null) throw DomainError.notFound('committee', committeeId);
    const meetings = await this.feeds.committeeMeetings(committeeId, this.since());
    return withEtag(feedCalendar(`${name}: møder`, `Møder i ${name}, hvis dagsorden er udsendt`, meetings, this.config.webPages, 'public'));
  }

  /** The meetings the address's person is called to; an unknown, renewed or ended address is 404. */
  async personalFeed(file: string, ip: string): Promise<FeedFile> {
    const token = FEED_FILE.exec(file)?.[1];
    if (!token) throw feedNotFound();
    const feedKey = createHash('sha256').update(token, 'utf8').digest('hex');
    if (await this.counter.exceeds([[`calendar-feed:ip:${ip}`, REQUESTS_PER_CLIENT], [`calendar-feed:feed:${feedKey}`, REQUESTS_PER_FEED]], WINDOW_SECONDS)) {
      throw new DomainError('rate-limited', 'rate_limited', 'Too many calendar requests; wait a minute and try again', { retryAfterSeconds: WINDOW_SECONDS });
    }
    const personId = await this.feeds.personOf(token);
    if (!personId) throw feedNotFound();
    const meetings = await this.feeds.personalMeetings(personId, this.since());
    return withEtag(feedCalendar('Mine udvalgsmøder', 'Møder, du er indkaldt til', meetings, this.config.webPages, 'member'));
  }

  async status(actor: Actor): Promise<CalendarFeedStatusDto> {
    const createdAt = await this.feeds.createdAt(actor.personId);
    return { active: createdAt !== null, createdAt };
  }

  /** Makes the caller's address, or a new one in place of the old, which stops working at once. */
  async create(actor: Actor): Promise<CalendarFeedCreatedDto> {
    return this.unitOfWork.run(async (tx) => {
      const renewed = (await this.feeds.createdAt(actor.personId)) !== null;
      const { token, createdAt } = await this.feeds.issue(tx, actor.personId);
      await this.audit.record(tx, { action: renewed ? 'calendar-feed.renewed' : 'calendar-feed.created', entityType: 'person', entityId: actor.personId });
      return { url: `${this.config.webPages.base}/api/calendar/${token}.ics`, createdAt };
    });
  }

  /** Ends the caller's address, if they have one. */
  async end(actor: Actor): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      if (await this.feeds.end(tx, actor.personId)) await this.audit.record(tx, { action: 'calendar-feed.ended', entityType: 'person', entityId: actor.personId });
    });
  }

  private since(): Date {
    return new Date(Date.now() - FEED_HISTORY_MS);
  }
}
