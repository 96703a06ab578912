import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { AgendaItemDto } from '../agenda/agenda-item.dto.js';
import type { MeetingState } from '@app/domain';
import { NoticeWarningDto } from './notice-warning.dto.js';
import { NoControlCharacters } from '@app/core';

const INSTANT = { strict: true, strictSeparator: true } as const;

export class CreateMeetingDto {
  @ApiProperty({ description: 'ISO 8601 instant with offset', example: '2024-02-02T09:30:00+01:00' })
  @IsISO8601(INSTANT)
  startsAt: string;

  @ApiPropertyOptional({ description: 'ISO 8601 instant with offset, after startsAt', example: '2024-02-02T12:00:00+01:00' })
  @IsOptional()
  @IsISO8601(INSTANT)
  endsAt?: string;

  @ApiProperty({ description: 'Mødested', example: 'Regionshuset Aarhus, Lokale 13, Olof Palmes Alle 15, Aarhus', maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  @NoControlCharacters()
  location: string;

  @ApiPropertyOptional({ example: 'Udvalg for lighed i sundhed', maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @NoControlCharacters()
  title?: string;
}

export class UpdateMeetingDto {
  @ApiPropertyOptional({ example: '2024-02-02T10:00:00+01:00' })
  @IsOptional()
  @IsISO8601(INSTANT)
  startsAt?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsISO8601(INSTANT)
  endsAt?: string | null;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  @NoControlCharacters()
  location?: string;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @NoControlCharacters()
  title?: string;

  @ApiPropertyOptional({ description: 'The rowVersion you edited; a stale one is refused with 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  rowVersion?: number;
}

export class SubstituteForDto {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ example: 'Anders Andersen' }) name: string;
}

export class AttendanceDto {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ example: 'Birgit Jakobsen' }) name: string;
  @ApiProperty({ type: String, nullable: true, example: 'KD' }) party: string | null;
  @ApiProperty({ type: [String], description: 'membership roles in the committee; empty for a guest of the phase', example: ['chair'] }) roles: string[];
  @ApiProperty({ enum: ['present', 'absent', 'virtual'], nullable: true, description: 'null: not recorded yet' }) status: string | null;
  @ApiProperty({ type: String, nullable: true, example: '10:30' }) until: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: SubstituteForDto, nullable: true, description: 'A substitute (stedfortræder) called in: the member they stand in for' }) substituteFor: SubstituteForDto | null;
}

export class MeetingSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) committeeId: string;
  @ApiProperty({ example: 'Udvalg for lighed i sundhed' }) committeeName: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ example: '2024-02-02T08:30:00.000Z' }) startsAt: Date;
  @ApiProperty({ type: Date, nullable: true }) endsAt: Date | null;
  @ApiProperty() location: string;
  @ApiProperty({ enum: ['planned', 'published', 'held', 'closed', 'cancelled'] }) state: MeetingState;
  @ApiProperty() rowVersion: number;
  @ApiProperty({ description: 'SEQUENCE of the calendar invitation' }) sequence: number;
  @ApiProperty({ type: Date, nullable: true }) publishedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true, description: 'when the meeting was closed (Afslut møde): "Mødet hævet" in the minutes' }) endedAt: Date | null;
}

export class MeetingDto extends MeetingSummaryDto {
  @ApiProperty({ type: [AgendaItemDto], description: 'in agenda order' }) items: AgendaItemDto[];
  @ApiProperty({ type: [AttendanceDto], description: 'every member of the committee on the day, with what is recorded' }) attendance: AttendanceDto[];
}

/** A meeting as a change answers it: with the notice deadlines it misses, if any. */
export class MeetingChangeDto extends MeetingDto {
  @ApiProperty({ type: [NoticeWarningDto], description: 'empty when the notice can be (or was) met' }) warnings: NoticeWarningDto[];
}
