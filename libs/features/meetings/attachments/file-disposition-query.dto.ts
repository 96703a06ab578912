import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DISPOSITIONS, type Disposition } from './attachment-file.util.js';

/**
 * `?disposition=` of a public file: `inline` to show it, `attachment` to save it. OParl asks both of every file
 * (its accessUrl must not answer as an attachment, its downloadUrl must).
 */
export class FileDispositionQueryDto {
  @ApiPropertyOptional({ enum: DISPOSITIONS, description: 'inline: shown where it is opened; attachment: saved under its file name. Each route says its default.' })
  @IsOptional()
  @IsIn(DISPOSITIONS)
  disposition?: Disposition;
}
