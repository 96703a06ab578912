import { ApiProperty } from '@nestjs/swagger';
import type { ReferralSource } from './referral-source.entity.js';

export class ReferralSourceDto {
  @ApiProperty({ format: 'uuid', description: 'the receiving committee' })
  committeeId: string;

  @ApiProperty({ format: 'uuid', description: 'the committee whose cases it receives' })
  sourceCommitteeId: string;

  @ApiProperty({ example: 'PKØ-udvalget' })
  sourceCommitteeName: string;

  @ApiProperty({ description: 'when the receiving committee agreed' })
  createdAt: Date;

  static from(source: ReferralSource, sourceCommitteeName: string): ReferralSourceDto {
    return { committeeId: source.committeeId, sourceCommitteeId: source.sourceCommitteeId, sourceCommitteeName, createdAt: source.createdAt };
  }
}
