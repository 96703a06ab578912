import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

/** OParl's `date-time`: `yyyy-mm-ddThh:mm:ss±hh:mm` (fractions and `Z` accepted too). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;
const DATE_TIME_MESSAGE = '$property must be a date-time with its offset, e.g. 2026-01-01T00:00:00+01:00 (URL-encoded)';

/** The parameters of every external list: OParl's filters, `limit` (at most 100 is answered) and the page's cursor. */
export class OparlListQueryDto {
  @ApiPropertyOptional({ description: 'Objects created at or after this instant' })
  @IsOptional()
  @Matches(DATE_TIME, { message: DATE_TIME_MESSAGE })
  created_since?: string;

  @ApiPropertyOptional({ description: 'Objects created at or before this instant' })
  @IsOptional()
  @Matches(DATE_TIME, { message: DATE_TIME_MESSAGE })
  created_until?: string;

  @ApiPropertyOptional({ description: 'Objects changed at or after this instant, deleted and depublished ones included (as `deleted: true`)' })
  @IsOptional()
  @Matches(DATE_TIME, { message: DATE_TIME_MESSAGE })
  modified_since?: string;

  @ApiPropertyOptional({ description: 'Objects changed at or before this instant' })
  @IsOptional()
  @Matches(DATE_TIME, { message: DATE_TIME_MESSAGE })
  modified_until?: string;

  @ApiPropertyOptional({ description: '`true` leaves the internal lists out (a meeting’s agendaItem, a person’s membership, a body’s legislativeTerm)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  omit_internal?: 'true' | 'false';

  @ApiPropertyOptional({ minimum: 1, description: 'Objects per page; at most 100 are answered whatever is asked' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  limit?: number;

  @ApiPropertyOptional({ description: 'Where the page continues: taken from `links.next`, never made by hand' })
  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  cursor?: string;
}
