import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommitteesPersistenceModule } from '@app/committees';
import { Meeting } from './meeting.entity.js';
import { AgendaItem } from './agenda-item.entity.js';
import { AgendaItemChange } from './agenda-item-change.entity.js';
import { Attendance } from './attendance.entity.js';
import { ItemAttachment } from './item-attachment.entity.js';
import { ItemNote } from './item-note.entity.js';

/** Meetings, their agenda items, attendance, Bilag and notes. Registered with the data source by this module (TypeORM's autoLoadEntities). */
@Module({ imports: [CommitteesPersistenceModule, TypeOrmModule.forFeature([Meeting, AgendaItem, AgendaItemChange, Attendance, ItemAttachment, ItemNote])], exports: [CommitteesPersistenceModule, TypeOrmModule] })
export class MeetingsPersistenceModule {}
