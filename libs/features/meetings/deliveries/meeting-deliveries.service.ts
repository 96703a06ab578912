import { Injectable } from '@nestjs/common';
import { AccessService } from '@app/access';
import { AuditService } from '@app/audit';
import { type Actor, pageOfPositioned, type PageQueryDto, pageRequest } from '@app/core';
import { UnitOfWork } from '@app/database';
import { DomainError } from '@app/domain';
import { DeliveryLedger } from '@app/mail';
import { OutboxService } from '@app/outbox';
import { PersonSql } from '@app/people';
import type { MeetingDeliveriesPageDto, MeetingDeliveryDto } from './meeting-delivery.dto.js';
import { MeetingService } from '../meeting/meeting.service.js';

/** Who was sent what about a meeting, and when, for the secretary who must know that every member got the agenda. */
@Injectable()
export class MeetingDeliveriesService {
  constructor(
    private readonly ledger: DeliveryLedger,
    private readonly access: AccessService,
    private readonly meetings: MeetingService,
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, meetingId: string, query: PageQueryDto): Promise<MeetingDeliveriesPageDto> {
    const meeting = await this.meetings.meetingOrNotFound(meetingId);
    this.access.assertCommitteeSecretary(actor, meeting.committeeId);
    const page = pageRequest(query, { meetingId });
    // The names joined in the ledger's one statement, so the list sorts by them.
    const [rows, totals] = await Promise.all([this.ledger.aboutSubject(meetingId, this.personName, page), this.ledger.totalsAboutSubject(meetingId)]);
    return { ...pageOfPositioned(rows, page.limit, page.filters), totals };
  }

  private readonly personName = { join: (personId: string) => PersonSql.join('p', personId, { left: true }), name: 'p.name' };

  /**
   * Sends a failed e-mail again (after the address was corrected, or the mail server's refusal was dealt with): the
   * delivery is pending again and its job runs anew, under the same Message-ID.
   */
  async resend(actor: Actor, deliveryId: string): Promise<MeetingDeliveryDto> {
    const delivery = await this.ledger.resendable(deliveryId);
    if (!delivery?.subjectId) throw DomainError.notFound('delivery', deliveryId);
    const meeting = await this.meetings.meetingOrNotFound(delivery.subjectId).catch(() => {
      throw DomainError.notFound('delivery', deliveryId);
    });
    this.access.assertCommitteeSecretary(actor, meeting.committeeId);
    const refused = () => DomainError.conflict('delivery_not_failed', `The e-mail is ${delivery.status}; only a failed one is sent again`);
    if (delivery.status !== 'failed' || !delivery.outboxMessageId) throw refused();
    const outboxMessageId = delivery.outboxMessageId;
    await this.unitOfWork.run(async (tx) => {
      if (!(await this.ledger.reopenFailed(tx, deliveryId))) throw refused();
      await this.outbox.runAgain(tx, outboxMessageId);
      await this.audit.record(tx, { action: 'delivery.resend', entityType: 'meeting', entityId: meeting.id, details: { deliveryId } });
    });
    return (await this.ledger.delivery(deliveryId, this.personName))!;
  }
}
