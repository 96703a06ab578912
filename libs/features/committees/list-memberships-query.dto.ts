import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

const BOOLEAN_WORDS: Record<string, boolean> = { true: true, false: false };

export class ListMembershipsQueryDto {
  @ApiPropertyOptional({ description: 'true: only the seats held today (Europe/Copenhagen)', example: true })
  @Transform(({ value }) => (typeof value === 'string' && value in BOOLEAN_WORDS ? BOOLEAN_WORDS[value] : value))
  @IsOptional()
  @IsBoolean()
  current?: boolean;
}
