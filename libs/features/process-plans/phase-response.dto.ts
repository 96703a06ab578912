import { ApiProperty } from '@nestjs/swagger';
import { PHASE_STATES, type PhaseState } from '@app/domain';
import type { Phase } from './phase.entity.js';

export class PhaseResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  committeeId: string;

  @ApiProperty({ example: 'Forpligtende fællesskaber – partnerskaber og inddragelse af civilsamfundet' })
  title: string;

  @ApiProperty({ type: String, nullable: true, example: 'Forpligtende fællesskaber' })
  theme: string | null;

  @ApiProperty({ type: String, nullable: true })
  description: string | null;

  @ApiProperty({ example: '2024-Q2' })
  fromQuarter: string;

  @ApiProperty({ example: '2024-Q4' })
  toQuarter: string;

  @ApiProperty({ format: 'date', example: '2024-04-01', description: 'The first day of fromQuarter' })
  startDate: string;

  @ApiProperty({ format: 'date', example: '2024-12-31', description: 'The last day of toQuarter' })
  endDate: string;

  @ApiProperty({ enum: PHASE_STATES, example: 'planned', description: 'planned, then active (one at a time per committee), then completed; or cancelled' })
  state: PhaseState;

  @ApiProperty({ description: 'Raised by every change; send it back with PATCH to detect concurrent edits', example: 1 })
  rowVersion: number;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  createdBy: string | null;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;

  static from(phase: Phase): PhaseResponseDto {
    const { id, committeeId, title, theme, description, fromQuarter, toQuarter, startDate, endDate, state, rowVersion, createdBy, createdAt, updatedAt } = phase;
    return { id, committeeId, title, theme, description, fromQuarter, toQuarter, startDate, endDate, state, rowVersion, createdBy, createdAt, updatedAt };
  }
}
