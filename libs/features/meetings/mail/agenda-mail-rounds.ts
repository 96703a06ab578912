import { Injectable } from '@nestjs/common';
import { AppConfig, type WebPages } from '@app/config';
import { buildMeetingInvitation } from '@app/domain';
import { renderAgendaRound } from './agenda-email.template.js';
import type { AgendaMailKind } from './agenda-mail.jobs.js';
import { type AgendaForMail, AgendaMailRepository, type RenderedRound } from './agenda-mail.repository.js';
import { MeetingInvitationService } from '../invitation/meeting-invitation.service.js';

/** Renders a round of a meeting's e-mails once for all its members: the agenda and the invitation are read once. */
@Injectable()
export class AgendaMailRounds {
  private readonly pages: WebPages;

  constructor(
    private readonly mails: AgendaMailRepository,
    private readonly invitations: MeetingInvitationService,
    config: AppConfig,
  ) {
    this.pages = config.webPages;
  }

  /** The meeting's e-mail of each of the kinds, as the meeting stands now; null when it no longer exists. */
  async render(meetingId: string, kinds: readonly AgendaMailKind[]): Promise<{ agenda: AgendaForMail; rounds: RenderedRound[] } | null> {
    const agenda = await this.mails.agenda(meetingId);
    if (!agenda) return null;
    // The same invitation the meeting's calendar file serves, so calendars see one event whichever they got first.
    const invitation = await this.invitations.invitation(agenda);
    const calendar = { method: invitation.method === 'CANCEL' ? ('CANCEL' as const) : ('REQUEST' as const), content: buildMeetingInvitation(invitation) };
    const meetingUrl = this.pages.meeting(meetingId);
    return { agenda, rounds: kinds.map((kind) => ({ kind, mail: renderAgendaRound({ kind, agenda, meetingUrl }), calendar })) };
  }
}
