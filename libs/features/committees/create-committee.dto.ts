import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { COMMITTEE_KINDS, type CommitteeKind } from '@app/domain';
import { IsCalendarDate, IsOmittable, NoControlCharacters, Trim } from '@app/core';

export const DEFAULT_AGENDA_NOTICE_WORKING_DAYS = 4;
export const DEFAULT_MATERIAL_NOTICE_WORKING_DAYS = 3;

export class CreateCommitteeDto {
  @ApiProperty({ format: 'uuid', description: 'The municipality or region the committee belongs to' })
  @IsUUID()
  bodyId: string;

  @ApiProperty({ example: 'Udvalg for omtænkning af socialområdet', maxLength: 300 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  @NoControlCharacters()
  name: string;

  @ApiProperty({
    enum: COMMITTEE_KINDS,
    example: 'section-17-4',
    description: 'council (byråd/regionsråd), finance (økonomiudvalg), standing (stående udvalg), section-17-4 (§ 17, stk. 4-udvalg), working-group, forum',
  })
  @IsIn(COMMITTEE_KINDS)
  kind: CommitteeKind;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The committee this one works under; a working group needs one' })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The committee it reports to, e.g. the PKØ-udvalg for a § 17, stk. 4 committee' })
  @IsOptional()
  @IsUUID()
  reportsToId?: string | null;

  @ApiProperty({ format: 'date', example: '2024-01-01' })
  @IsCalendarDate()
  mandateStart: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '2025-12-31',
    description: 'Open when left out; a § 17, stk. 4 committee needs one, no later than the end of its body\'s election term',
  })
  @IsOptional()
  @IsCalendarDate()
  mandateEnd?: string | null;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 30,
    default: DEFAULT_AGENDA_NOTICE_WORKING_DAYS,
    description: 'Working days (hverdage) before a meeting by which members must have the agenda, as the forretningsorden sets',
  })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(30)
  agendaNoticeWorkingDays?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 30,
    default: DEFAULT_MATERIAL_NOTICE_WORKING_DAYS,
    description: 'Working days (hverdage) before a meeting by which members must have its material (items and Bilag); material added later is marked Eftersendt',
  })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(30)
  materialNoticeWorkingDays?: number;

  @ApiPropertyOptional({
    description:
      "The committee's kommissorium takes effect when the council adopts it (after a director's approval it goes as an item to the next meeting of the council, or of the finance committee it reports to), not on the director's approval alone. Defaults to true for section-17-4, false otherwise",
  })
  @IsOmittable()
  @IsBoolean()
  commissionNeedsCouncil?: boolean;
}
