import { Module } from '@nestjs/common';
import { MinutesPersistenceModule } from './minutes-persistence.module.js';
import { MeetingsModule } from '@app/meetings';
import { MailModule } from '@app/mail';
import { AssembleMinutesHandler } from './assemble-minutes.handler.js';
import { MinutesDocumentStore } from './minutes-document.store.js';
import { MinutesController } from './minutes.controller.js';
import { MinutesMailRepository } from './minutes-mail.repository.js';
import { MinutesRemindersModule } from './minutes-reminders.module.js';
import { MinutesPublishedMailHandler } from './minutes-published-mail.handler.js';
import { MinutesService } from './minutes.service.js';
import { PublicMinutesController } from './public-minutes.controller.js';

/** The minutes over HTTP: assembly requests, state, documents, workflow and additions. */
@Module({
  imports: [MinutesPersistenceModule, MeetingsModule, MinutesRemindersModule],
  controllers: [MinutesController, PublicMinutesController],
  providers: [MinutesService, MinutesDocumentStore],
})
export class MinutesModule {}

/**
 * The minutes' jobs, for the worker: assembly and the e-mails on publishing. Stands without the API's modules
 * (no workflow service in a worker-only process); the meeting reads come with the persistence module.
 */
@Module({
  imports: [MinutesPersistenceModule, MailModule, MinutesRemindersModule],
  providers: [AssembleMinutesHandler, MinutesPublishedMailHandler, MinutesMailRepository, MinutesDocumentStore],
})
export class MinutesJobsModule {}
