import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { MinutesVariant } from '@app/domain';
import { Minutes } from './minutes.entity.js';

export const MINUTES_FORMATS = ['html', 'pdf', 'md'] as const;
export type MinutesFormat = (typeof MINUTES_FORMATS)[number];

/**
 * assembled: the referat as approved and signed, the members' PDF of which the seal covers; signed: the same
 * referat ending with its Underskrifter (who signed, when, and the seal's hash), made by the last signature.
 */
export const MINUTES_EDITIONS = ['assembled', 'signed'] as const;
export type MinutesEdition = (typeof MINUTES_EDITIONS)[number];

/** One rendered document of the minutes: a variant in a format, its bytes stored under their sha256. */
@Entity('minutes_file')
@Check('minutes_file_variant_known', `"variant" IN ('members', 'public')`)
@Check('minutes_file_format_known', `"format" IN ('html', 'pdf', 'md')`)
@Check('minutes_file_edition_known', `"edition" IN ('assembled', 'signed')`)
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

  @PrimaryColumn({ type: 'text', default: 'assembled' })
  edition: MinutesEdition;

  @Column({ type: 'text' })
  sha256: string;

  /** The checksum open data publishes (OParl's sha512Checksum); null for bytes stored before it was kept whose file was gone when it was filled in. */
  @Column({ type: 'text', nullable: true })
  sha512: string | null;

  @Column({ type: 'int' })
  size: number;
}
