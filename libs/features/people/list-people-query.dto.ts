import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto, Trim } from '@app/core';

/** The search of people; a page's cursor carries it on. */
export class ListPeopleQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name or e-mail, any case', example: 'jakobsen' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
