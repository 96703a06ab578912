import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MeetingsPersistenceModule } from '@app/meetings';
import { Minutes } from './minutes.entity.js';
import { MinutesRepository } from './minutes.repository.js';
import { MinutesFile } from './minutes-file.entity.js';
import { MinutesFileRepository } from './minutes-file.repository.js';
import { MinutesSignature } from './minutes-signature.entity.js';
import { MinutesSignatureRepository } from './minutes-signature.repository.js';
import { MinutesAddendum } from './minutes-addendum.entity.js';
import { MinutesAddendumRepository } from './minutes-addendum.repository.js';
import { MinutesSealSource } from './minutes-seal-source.js';

const REPOSITORIES = [MinutesRepository, MinutesFileRepository, MinutesSignatureRepository, MinutesAddendumRepository];

/** The minutes, their files, signatures and addenda, and the repositories over them. Registered with the data source by this module (TypeORM's autoLoadEntities). */
@Module({
  imports: [MeetingsPersistenceModule, TypeOrmModule.forFeature([Minutes, MinutesFile, MinutesSignature, MinutesAddendum])],
  // MinutesSealSource tells the meetings feature when the minutes are sealed, so what they record is frozen.
  providers: [...REPOSITORIES, MinutesSealSource],
  exports: [MeetingsPersistenceModule, TypeOrmModule, ...REPOSITORIES],
})
export class MinutesPersistenceModule {}
