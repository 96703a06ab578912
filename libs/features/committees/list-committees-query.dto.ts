import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { COMMITTEE_KINDS, type CommitteeKind } from '@app/domain';

export class ListCommitteesQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  bodyId?: string;

  @ApiPropertyOptional({ enum: COMMITTEE_KINDS })
  @IsOptional()
  @IsIn(COMMITTEE_KINDS)
  kind?: CommitteeKind;
}
