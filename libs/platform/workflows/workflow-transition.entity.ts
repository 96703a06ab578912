import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One fired event: the trail of a record through its workflow. Written in the transaction that changes the state. */
@Entity('workflow_transition')
@Index('IDX_workflow_transition_record', ['workflow', 'recordId', 'at'])
export class WorkflowTransitionRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  workflow: string;

  @Column({ name: 'record_id', type: 'uuid' })
  recordId: string;

  @Column({ type: 'text' })
  event: string;

  @Column({ name: 'from_state', type: 'text' })
  fromState: string;

  @Column({ name: 'to_state', type: 'text' })
  toState: string;

  /** Null when the application fired it as an effect of another event. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
