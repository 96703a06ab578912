import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { BODY_KINDS, type BodyKind } from '@app/domain';
import { Trim } from '@app/core';
import { IsCalendarDate } from './is-calendar-date.decorator.js';

export class CreateBodyDto {
  @ApiProperty({ example: 'Hedensted Kommune', maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
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
}
