import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '@app/config';
import type { Decision } from '@app/domain';
import { OutboxService } from '@app/outbox';
import { ReminderScheduler } from '@app/reminders';
import { AgendaDocumentBuilds } from '../documents/agenda-document-builds.js';
import type { Meeting } from '../meeting/meeting.entity.js';
import { AgendaMailRepository } from './agenda-mail.repository.js';

/** The outbox key of a meeting's next round of e-mails; at most one round per meeting waits at a time. */
export function agendaRoundKey(meetingId: string): string {
  return `agenda-round:${meetingId}`;
}

/**
 * Decides when members are written to about a meeting, in the transaction of the change: the agenda when it is
 * published, one update for the changes made within AGENDA_UPDATE_COALESCE_MS of the first, the cancellation.
 * Each round is one fan-out job that writes one e-mail job per recipient (AgendaFanOutHandler).
 */
@Injectable()
export class AgendaMailScheduler {
  constructor(
    private readonly outbox: OutboxService,
    private readonly reminders: ReminderScheduler,
    private readonly mails: AgendaMailRepository,
    private readonly documents: AgendaDocumentBuilds,
    private readonly config: AppConfig,
  ) {}

  /**
   * A published meeting changed (time, place, an item added or changed): raises the calendar SEQUENCE (calendars
   * replace an invitation only when it rises, RFC 5546) and puts the change in the update round. A round already
   * waiting takes the change along; otherwise a round starts, sent when the window closes. The caller holds the
   * meeting's row lock, as the fan-out takes it too.
   */
  async publishedMeetingChanged(manager: EntityManager, meetingId: string): Promise<void> {
    await this.mails.raiseSequence(manager, meetingId);
    await this.outbox.add(
      manager,
      'fan-out-agenda-mail',
      { meetingId, kind: 'agenda-update' },
      { dedupeKey: agendaRoundKey(meetingId), joinPending: true, availableAt: new Date(Date.now() + this.config.AGENDA_UPDATE_COALESCE_MS) },
    );
    // The agenda's PDFs follow at once: unlike the e-mails, they are not held back to gather changes.
    await this.documents.agendaChanged(manager, meetingId);
  }

  /** The agenda goes out now, and its PDFs are built; the reminder of an unpublished agenda has lost its reason. */
  async agendaPublished(manager: EntityManager, meeting: Meeting): Promise<void> {
    await this.outbox.add(manager, 'fan-out-agenda-mail', { meetingId: meeting.id, kind: 'agenda' }, { dedupeKey: agendaRoundKey(meeting.id) });
    await this.documents.agendaChanged(manager, meeting.id);
    await this.reminders.cancel(manager, 'agenda-deadline', meeting.id);
  }

  /**
   * A substitute called in to a published meeting gets its agenda and invitation now, as the members had them; later
   * rounds reach them as they reach the members (AgendaMailRepository.recipients).
   */
  async substituteCalledIn(manager: EntityManager, meeting: Meeting, personId: string): Promise<void> {
    await this.outbox.add(manager, 'send-agenda-mail', { meetingId: meeting.id, personId, kind: 'agenda', sequence: meeting.sequence });
  }

  /**
   * A published meeting's invitation is withdrawn (METHOD:CANCEL with a raised SEQUENCE), replacing an update
   * still waiting; a planned one was never sent, so nobody is written to.
   */
  async meetingCancelled(manager: EntityManager, meeting: Meeting, decision: Decision<string>): Promise<void> {
    await this.reminders.cancel(manager, 'agenda-deadline', meeting.id);
    if (decision.from !== 'published') return;
    await this.mails.raiseSequence(manager, meeting.id);
    await this.outbox.add(manager, 'fan-out-agenda-mail', { meetingId: meeting.id, kind: 'agenda-cancellation' }, { dedupeKey: agendaRoundKey(meeting.id) });
  }
}
