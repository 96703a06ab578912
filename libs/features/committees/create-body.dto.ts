import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { BODY_KINDS, type BodyKind, DEFAULT_EXTRA_CLOSED_DAYS } from '@app/domain';
import { IsCalendarDate, IsOmittable, NoControlCharacters, Trim } from '@app/core';

export class CreateBodyDto {
  @ApiProperty({ example: 'Hedensted Kommune', maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @NoControlCharacters()
  name: string;

  @ApiProperty({ enum: BODY_KINDS, example: 'municipality', description: 'municipality (kommune) or region' })
  @IsIn(BODY_KINDS)
  kind: BodyKind;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2022-01-01', description: 'First day of the council\'s election term (valgperiode)' })
  @IsOptional()
  @IsCalendarDate()
  electionTermStart?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '2025-12-31',
    description: 'Last day of the election term, usually four years after its start; no § 17, stk. 4 committee may outlive it',
  })
  @IsOptional()
  @IsCalendarDate()
  electionTermEnd?: string | null;

  @ApiPropertyOptional({
    type: [String],
    example: DEFAULT_EXTRA_CLOSED_DAYS,
    default: DEFAULT_EXTRA_CLOSED_DAYS,
    description: 'Days (MM-DD) besides weekends and public holidays on which the administration is closed; working-day deadlines and reminders skip them',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { each: true, message: 'each of closedDays must be a day of the year MM-DD, e.g. 12-24' })
  closedDays?: string[];
}
