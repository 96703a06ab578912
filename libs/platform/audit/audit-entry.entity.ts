import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One write, or one refused request, with who did it and under which request id. */
@Entity('audit_entry')
@Index(['entityType', 'entityId'])
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_email', type: 'text', nullable: true })
  actorEmail: string | null;

  /** e.g. `committee.created`, `membership.deleted`, `request.refused`, `auth.login`, `auth.login-failed` */
  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'entity_type', type: 'text', nullable: true })
  entityType: string | null;

  @Column({ name: 'entity_id', type: 'text', nullable: true })
  entityId: string | null;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;

  /** The `x-request-id` the client sent, kept beside the server's own `requestId`. */
  @Column({ name: 'client_request_id', type: 'text', nullable: true })
  clientRequestId: string | null;

  /** The client's address (X-Forwarded-For only from TRUSTED_PROXIES). */
  @Column({ type: 'text', nullable: true })
  ip: string | null;

  @Column({ type: 'text', nullable: true })
  method: string | null;

  @Column({ type: 'text', nullable: true })
  path: string | null;

  @Column({ name: 'status_code', type: 'int', nullable: true })
  statusCode: number | null;

  @Column({ type: 'jsonb', nullable: true })
  details: Record<string, any> | null;
}
