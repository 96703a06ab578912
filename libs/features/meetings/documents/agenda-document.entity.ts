import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { MinutesVariant } from '@app/domain';
import { Meeting } from '../meeting/meeting.entity.js';

/**
 * The agenda of a meeting as one PDF (samlet dagsorden), in the members' or the public variant: its bytes stored
 * under their sha256, and the hash of the agenda document it was rendered from, so only the PDF of the agenda as
 * it is now is ever served.
 */
@Entity('agenda_document')
@Check('agenda_document_variant_known', `"variant" IN ('members', 'public')`)
export class AgendaDocument {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'FK_agenda_document_meeting' })
  meeting?: Meeting;

  @PrimaryColumn({ type: 'text' })
  variant: MinutesVariant;

  @Column({ name: 'source_hash', type: 'text' })
  sourceHash: string;

  @Column({ type: 'text' })
  sha256: string;

  /** The checksum open data publishes (OParl's sha512Checksum); null for bytes stored before it was kept whose file was gone when it was filled in. */
  @Column({ type: 'text', nullable: true })
  sha512: string | null;

  @Column({ type: 'int' })
  size: number;

  @Column({ name: 'built_at', type: 'timestamptz' })
  builtAt: Date;
}
