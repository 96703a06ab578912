import { ApiProperty } from '@nestjs/swagger';
import { BODY_KINDS, type BodyKind } from '@app/domain';
import { type Body } from './body.entity.js';

export class BodyResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Hedensted Kommune' })
  name: string;

  @ApiProperty({ enum: BODY_KINDS, example: 'municipality' })
  kind: BodyKind;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2022-01-01' })
  electionTermStart: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2025-12-31' })
  electionTermEnd: string | null;

  @ApiProperty({ type: [String], example: ['12-24', '12-31', '06-05'], description: 'Days (MM-DD) the administration is closed besides weekends and public holidays' })
  closedDays: string[];

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;

  static from(body: Body): BodyResponseDto {
    const { id, name, kind, electionTermStart, electionTermEnd, closedDays, createdAt, updatedAt } = body;
    return { id, name, kind, electionTermStart, electionTermEnd, closedDays, createdAt, updatedAt };
  }
}
