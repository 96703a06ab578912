import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '@app/access';
import type { Actor } from '@app/core';
import type { MeetingDeliveryDto } from './meeting-delivery.dto.js';
import { MeetingService } from '../meeting/meeting.service.js';

/** Who was sent what about a meeting, and when, for the secretary who must know that every member got the agenda. */
@Injectable()
export class MeetingDeliveriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly meetings: MeetingService,
  ) {}

  async list(actor: Actor, meetingId: string): Promise<MeetingDeliveryDto[]> {
    const meeting = await this.meetings.meetingOrNotFound(meetingId);
    this.access.assertCommitteeSecretary(actor, meeting.committeeId);
    return this.dataSource.query(
      `SELECT d.id, d.kind, d.person_id AS "personId", p.name AS "personName", d.recipient, d.sequence, d.status, d.attempts,
              d.sent_at AS "sentAt", d.last_error AS "lastError", d.created_at AS "createdAt", d.updated_at AS "updatedAt"
         FROM delivery d LEFT JOIN person p ON p.id = d.person_id
        WHERE d.subject_id = $1
        ORDER BY d.created_at, d.kind, p.name, d.id`,
      [meetingId],
    );
  }
}
