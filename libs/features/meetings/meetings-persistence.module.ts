import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommitteesPersistenceModule } from '@app/committees';
import { Meeting } from './meeting/meeting.entity.js';
import { AgendaItem } from './agenda/agenda-item.entity.js';
import { AgendaItemChange } from './agenda/agenda-item-change.entity.js';
import { Attendance } from './attendance/attendance.entity.js';
import { ItemAttachment } from './attachments/item-attachment.entity.js';
import { ItemNote } from './notes/item-note.entity.js';

/** Meetings, their agenda items, attendance, Bilag and notes. Registered with the data source by this module (TypeORM's autoLoadEntities). */
@Module({ imports: [CommitteesPersistenceModule, TypeOrmModule.forFeature([Meeting, AgendaItem, AgendaItemChange, Attendance, ItemAttachment, ItemNote])], exports: [CommitteesPersistenceModule, TypeOrmModule] })
export class MeetingsPersistenceModule {}
