import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MINUTES_SEALED } from '@app/domain';
import { MeetingRecordSeal } from '@app/meetings';
import { MinutesRepository } from './minutes.repository.js';

/** Tells the meetings feature, from the minutes table, whether a meeting's minutes are sealed (so its record is frozen). */
@Injectable()
export class MinutesSealSource implements OnModuleInit {
  constructor(
    private readonly seal: MeetingRecordSeal,
    private readonly minutes: MinutesRepository,
  ) {}

  onModuleInit(): void {
    this.seal.answerFrom(async (tx, meetingId) => {
      // A read outside any transaction (what may be fired now) changes nothing, so it needs no lock to take turns.
      const minutes = await this.minutes.findByMeeting(meetingId, tx, tx.queryRunner?.isTransactionActive ? 'share' : false);
      return minutes !== null && MINUTES_SEALED.has(minutes.state);
    });
  }
}
