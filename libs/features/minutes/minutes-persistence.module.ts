import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MeetingsPersistenceModule } from '@app/meetings';
import { Minutes } from './minutes.entity.js';
import { MinutesFile } from './minutes-file.entity.js';
import { MinutesSignature } from './minutes-signature.entity.js';
import { MinutesAddendum } from './minutes-addendum.entity.js';

/** The minutes, their files, signatures and addenda. Registered with the data source by this module (TypeORM's autoLoadEntities). */
@Module({ imports: [MeetingsPersistenceModule, TypeOrmModule.forFeature([Minutes, MinutesFile, MinutesSignature, MinutesAddendum])], exports: [MeetingsPersistenceModule, TypeOrmModule] })
export class MinutesPersistenceModule {}
