import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, Min } from 'class-validator';
import { CreatePhaseDto } from './create-phase.dto.js';

/** Any field of the plan; title and quarters may be left out but not cleared, theme and description may be cleared with null. */
export class UpdatePhaseDto extends PartialType(CreatePhaseDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({ description: 'The rowVersion you edited; a stale one is refused with 409 so no edit is lost', example: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  rowVersion?: number;
}
