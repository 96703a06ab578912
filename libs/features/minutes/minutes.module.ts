import { Module } from '@nestjs/common';
import { MinutesPersistenceModule } from './minutes-persistence.module.js';
import { MeetingsModule } from '@app/meetings';
import { MailModule } from '@app/mail';
import { RemindersModule } from '@app/reminders';
import { AssembleMinutesHandler } from './assemble-minutes.handler.js';
import { ContentAddressedStore } from './content-addressed.store.js';
import { MinutesController } from './minutes.controller.js';
import { MinutesPublishedMailHandler } from './minutes-published-mail.handler.js';
import { MinutesService } from './minutes.service.js';
import { PublicMinutesController } from './public-minutes.controller.js';

/** The minutes over HTTP: assembly requests, state, documents, workflow and additions. */
@Module({
  imports: [MinutesPersistenceModule, MeetingsModule, RemindersModule],
  controllers: [MinutesController, PublicMinutesController],
  providers: [MinutesService, ContentAddressedStore],
})
export class MinutesModule {}

/**
 * The minutes' jobs, for the worker: assembly and the e-mails on publishing. Stands without the API's modules
 * (no workflow service in a worker-only process); the meeting reads come with the persistence module.
 */
@Module({
  imports: [MinutesPersistenceModule, MailModule],
  providers: [AssembleMinutesHandler, MinutesPublishedMailHandler, ContentAddressedStore],
})
export class MinutesJobsModule {}
