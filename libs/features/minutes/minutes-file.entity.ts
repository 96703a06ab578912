import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { MinutesVariant } from '@app/domain';
import { Minutes } from './minutes.entity.js';

export const MINUTES_FORMATS = ['html', 'pdf', 'md'] as const;
export type MinutesFormat = (typeof MINUTES_FORMATS)[number];

/** One rendered document of the minutes: a variant in a format, its bytes stored under their sha256. */
@Entity('minutes_file')
@Check('minutes_file_variant_known', `"variant" IN ('members', 'public')`)
@Check('minutes_file_format_known', `"format" IN ('html', 'pdf', 'md')`)
export class MinutesFile {
  @PrimaryColumn({ name: 'minutes_id', type: 'uuid' })
  minutesId: string;

  @ManyToOne(() => Minutes, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'minutes_id', foreignKeyConstraintName: 'FK_minutes_file_minutes' })
  minutes?: Minutes;

  @PrimaryColumn({ type: 'text' })
  variant: MinutesVariant;

  @PrimaryColumn({ type: 'text' })
  format: MinutesFormat;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'int' })
  size: number;
}
