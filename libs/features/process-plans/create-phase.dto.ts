import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { NoControlCharacters, Trim, TrimToNull } from '@app/core';
import { IsQuarter } from './is-quarter.decorator.js';

const QUARTER_PATTERN = '^\\d{4}-Q[1-4]$';

export class CreatePhaseDto {
  @ApiProperty({ example: 'Forpligtende fællesskaber – partnerskaber og inddragelse af civilsamfundet', maxLength: 300 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  @NoControlCharacters()
  title: string;

  @ApiProperty({ description: 'The first quarter of the phase', example: '2024-Q2', pattern: QUARTER_PATTERN })
  @IsQuarter()
  fromQuarter: string;

  @ApiProperty({ description: 'The last quarter of the phase, included; the same as fromQuarter for a phase of one quarter', example: '2024-Q4', pattern: QUARTER_PATTERN })
  @IsQuarter()
  toQuarter: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 300, description: 'The theme or strategic aim (sigtepunkt) the phase serves', example: 'Forpligtende fællesskaber' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(300)
  theme?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 20_000,
    example: "NGO'er, lokalråd og andre relevante aktører inviteres ind i arbejdet omkring udvikling af partnerskaber og inddragelse af civilsamfundet.",
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(20_000)
  description?: string | null;
}
