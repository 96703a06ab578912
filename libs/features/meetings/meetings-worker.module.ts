import { Module } from '@nestjs/common';
import { MeetingsPersistenceModule } from './meetings-persistence.module.js';
import { AccessModule } from '@app/access';
import { MailModule } from '@app/mail';
import { AgendaEmailHandler } from './mail/agenda-email.handler.js';
import { AgendaFanOutHandler } from './mail/agenda-fan-out.handler.js';
import { AgendaMailRepository } from './mail/agenda-mail.repository.js';
import { AgendaMailRounds } from './mail/agenda-mail-rounds.js';
import { MeetingInvitationService } from './invitation/meeting-invitation.service.js';
import { MeetingRemindersModule } from './reminders/meeting-reminders.module.js';
import { AgendaDocumentStore } from './documents/agenda-document.store.js';
import { BuildAgendaDocumentsHandler } from './documents/build-agenda-documents.handler.js';

/**
 * The jobs of the meetings: the agenda e-mails, fanned out and sent one by one, the agenda's PDFs, and the reminders'
 * checks; only the worker registers it.
 */
@Module({
  // AccessModule for MeetingInvitationService, whose reads the e-mails share with the calendar file.
  imports: [MeetingsPersistenceModule, MailModule, AccessModule, MeetingRemindersModule],
  providers: [MeetingInvitationService, AgendaMailRepository, AgendaMailRounds, AgendaFanOutHandler, AgendaEmailHandler, AgendaDocumentStore, BuildAgendaDocumentsHandler],
})
export class MeetingsWorkerModule {}
