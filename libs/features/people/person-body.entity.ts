import { Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A body (municipality or region) a person acts for: a director reads and approves only within their bodies'
 * committees, and an administrator with bodies administers only those. The foreign key to `body` is the
 * migration's (the body belongs to committees, which build on people), so an unknown body is refused by the database.
 */
@Entity('person_body')
@Index('IDX_person_body_body', ['bodyId'])
export class PersonBody {
  @PrimaryColumn({ name: 'person_id', type: 'uuid', primaryKeyConstraintName: 'PK_person_body' })
  personId: string;

  @PrimaryColumn({ name: 'body_id', type: 'uuid', primaryKeyConstraintName: 'PK_person_body' })
  bodyId: string;
}
