import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQueryDto } from '@app/core';

const BOOLEAN_WORDS: Record<string, boolean> = { true: true, false: false };

/** The seats' filter; a page's cursor carries it on. */
export class ListMembershipsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'true: only the seats held today (Europe/Copenhagen)', example: true })
  @Transform(({ value }) => (typeof value === 'string' && value in BOOLEAN_WORDS ? BOOLEAN_WORDS[value] : value))
  @IsOptional()
  @IsBoolean()
  current?: boolean;
}
