import { ApiProperty } from '@nestjs/swagger';
import { COMMITTEE_KINDS, type CommitteeKind, MINUTES_SIGNERS, type MinutesSigners } from '@app/domain';
import { type Committee } from './committee.entity.js';
import { MembershipResponseDto } from './membership-response.dto.js';

export class CommitteeResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  bodyId: string;

  @ApiProperty({ example: 'Udvalg for lighed i sundhed' })
  name: string;

  @ApiProperty({ enum: COMMITTEE_KINDS, example: 'section-17-4' })
  kind: CommitteeKind;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  parentId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  reportsToId: string | null;

  @ApiProperty({ format: 'date', example: '2024-01-01' })
  mandateStart: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2025-12-31' })
  mandateEnd: string | null;

  @ApiProperty({ example: 4 })
  agendaNoticeWorkingDays: number;

  @ApiProperty({ example: 3, description: 'working days before a meeting by which members must have its material' })
  materialNoticeWorkingDays: number;

  @ApiProperty({ enum: MINUTES_SIGNERS, example: 'participants', description: 'who signs the minutes; changed with PATCH' })
  minutesSignedBy: MinutesSigners;

  @ApiProperty({ description: "whether the committee's kommissorium is adopted by the council after a director's approval; changed with PATCH" })
  commissionNeedsCouncil: boolean;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;

  static from(committee: Committee): CommitteeResponseDto {
    const { id, bodyId, name, kind, parentId, reportsToId, mandateStart, mandateEnd, agendaNoticeWorkingDays, materialNoticeWorkingDays, minutesSignedBy, commissionNeedsCouncil, createdAt, updatedAt } = committee;
    return { id, bodyId, name, kind, parentId, reportsToId, mandateStart, mandateEnd, agendaNoticeWorkingDays, materialNoticeWorkingDays, minutesSignedBy, commissionNeedsCouncil, createdAt, updatedAt };
  }
}

export class CommitteeDetailResponseDto extends CommitteeResponseDto {
  @ApiProperty({ type: [MembershipResponseDto], description: 'The seats held today, chair first' })
  members: MembershipResponseDto[];
}
