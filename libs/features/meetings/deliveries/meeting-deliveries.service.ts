import { Injectable } from '@nestjs/common';
import { AccessService } from '@app/access';
import type { Actor } from '@app/core';
import { DeliveryLedger } from '@app/mail';
import { PersonSql } from '@app/people';
import type { MeetingDeliveryDto } from './meeting-delivery.dto.js';
import { MeetingService } from '../meeting/meeting.service.js';

/** Who was sent what about a meeting, and when, for the secretary who must know that every member got the agenda. */
@Injectable()
export class MeetingDeliveriesService {
  constructor(
    private readonly ledger: DeliveryLedger,
    private readonly access: AccessService,
    private readonly meetings: MeetingService,
  ) {}

  async list(actor: Actor, meetingId: string): Promise<MeetingDeliveryDto[]> {
    const meeting = await this.meetings.meetingOrNotFound(meetingId);
    this.access.assertCommitteeSecretary(actor, meeting.committeeId);
    // The names joined in the ledger's one statement, so the list sorts by them as before.
    return this.ledger.aboutSubject(meetingId, { join: (personId) => PersonSql.join('p', personId, { left: true }), name: 'p.name' });
  }
}
