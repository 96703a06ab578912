import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate, PageQueryDto } from '@app/core';

/** The portal's search: committee and a range of meeting days; a page's cursor carries them on. */
export class PublicMeetingsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this committee’s meetings' })
  @IsOptional()
  @IsUUID()
  committeeId?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-01-01', description: 'Only meetings on this day (in Copenhagen) or later' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-12-31', description: 'Only meetings on this day (in Copenhagen) or earlier' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

/** A committee the portal can be searched by: one with an agenda sent. */
export class PublicCommitteeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Udvalg for lighed i sundhed' }) name: string;
}

export class PublicAttachmentDto {
  @ApiProperty({ format: 'uuid', description: 'Download at /api/public/attachments/{id}/content' }) id: string;
  @ApiProperty({ example: 'Præsentation fra mødet.pdf' }) name: string;
  @ApiProperty({ example: 'application/pdf' }) contentType: string;
  @ApiProperty() size: number;
  @ApiProperty({ type: Date, nullable: true, description: 'sent after the material’s notice deadline: shown "Eftersendt"' }) sentLateAt: Date | null;
}

export class PublicItemNoteDto {
  @ApiProperty({ example: 'Anders Andersen' }) personName: string;
  @ApiProperty({ type: String, nullable: true }) text: string | null;
}

/** An earlier committee's decision on a referred case, shown where that item was open and its minutes are published. */
export class PublicEarlierDecisionDto {
  @ApiProperty({ example: '§ 17, stk. 4-udvalget' }) committeeName: string;
  @ApiProperty() meetingStartsAt: Date;
  @ApiProperty() decision: string;
}

/** An agenda item as the public sees it; a closed item keeps only its number, its time slot and "Lukket punkt: <public title>". */
export class PublicAgendaItemDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for a closed item' }) id: string | null;
  @ApiProperty({ example: 1, description: 'Punkt N' }) number: number;
  @ApiProperty({ example: 'Status på partnerskaber', description: '"Lukket punkt: <public title>" for a closed item, e.g. "Lukket punkt: Personalesag"' }) title: string;
  @ApiProperty() closed: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The public title of a closed item (Personalesag, Køb af ejendom, ...); null for an open one' }) publicTitle: string | null;
  @ApiProperty({ type: String, nullable: true }) caseNumber: string | null;
  @ApiProperty({ type: String, nullable: true, example: '09:30' }) startTime: string | null;
  @ApiProperty({ type: String, nullable: true, example: '10:30' }) endTime: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['on-agenda', 'decided', 'postponed', 'referred', 'withdrawn'], description: 'withdrawn: "Punktet udgår", with its number and title only' }) state: string | null;
  @ApiProperty({ type: Date, nullable: true, description: 'sent after the material’s notice deadline: shown "Eftersendt"' }) sentLateAt: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'Resume' }) summary: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Indstilling' }) recommendation: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Sagsfremstilling' }) presentation: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Beslutning' }) decision: string | null;
  @ApiProperty({ type: [String] }) attachmentNames: string[];
  @ApiProperty({ type: [PublicAttachmentDto], description: 'Bilag' }) attachments: PublicAttachmentDto[];
  @ApiProperty({ type: [PublicItemNoteDto], description: 'Afvigende meninger (§ 13)' }) dissents: PublicItemNoteDto[];
  @ApiProperty({ type: [PublicItemNoteDto], description: 'Inhabilitet (§ 14)' }) disqualifications: PublicItemNoteDto[];
  @ApiProperty({ type: [PublicEarlierDecisionDto], description: 'The earlier committees’ decisions on the case, oldest first, where their minutes are public' })
  earlierDecisions: PublicEarlierDecisionDto[];
}

export class PublicMeetingSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) committeeId: string;
  @ApiProperty({ example: 'Udvalg for lighed i sundhed' }) committeeName: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty() startsAt: Date;
  @ApiProperty({ type: Date, nullable: true }) endsAt: Date | null;
  @ApiProperty({ example: 'Regionshuset Aarhus, Lokale 13, Olof Palmes Alle 15, Aarhus' }) location: string;
  @ApiProperty({ enum: ['published', 'held', 'closed'] }) state: string;
  @ApiProperty({ type: Date, nullable: true, description: 'When the agenda was sent' }) publishedAt: Date | null;
}

export class PublicMeetingDto extends PublicMeetingSummaryDto {
  @ApiProperty({ type: [PublicAgendaItemDto], description: 'the agenda in order' }) items: PublicAgendaItemDto[];
}
