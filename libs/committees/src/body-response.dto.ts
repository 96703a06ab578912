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

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;

  static from(body: Body): BodyResponseDto {
    const { id, name, kind, electionTermStart, electionTermEnd, createdAt, updatedAt } = body;
    return { id, name, kind, electionTermStart, electionTermEnd, createdAt, updatedAt };
  }
}
