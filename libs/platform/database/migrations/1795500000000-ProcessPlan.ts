import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The process plan: phases on calendar quarters, and the people invited to one phase only. */
export class ProcessPlan1795500000000 implements MigrationInterface {
  name = 'ProcessPlan1795500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "phase" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "committee_id" uuid NOT NULL, "title" text NOT NULL, "theme" text, "description" text, "from_quarter" text NOT NULL, "to_quarter" text NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "state" text NOT NULL, "row_version" integer NOT NULL DEFAULT '1', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_phase" PRIMARY KEY ("id"), CONSTRAINT "phase_state_known" CHECK ("state" IN ('planned', 'active', 'completed', 'cancelled')), CONSTRAINT "phase_dates_ordered" CHECK ("start_date" <= "end_date"), CONSTRAINT "phase_quarters_well_formed" CHECK ("from_quarter" ~ '^[0-9]{4}-Q[1-4]$' AND "to_quarter" ~ '^[0-9]{4}-Q[1-4]$'))`);
    await queryRunner.query(`CREATE INDEX "IDX_phase_committee" ON "phase" ("committee_id", "start_date")`);
    // The phases of a committee that are not cancelled never share a day, and at most one is active: the
    // application checks both to explain a refusal, these hold when concurrent requests both pass that check.
    await queryRunner.query(`ALTER TABLE "phase" ADD CONSTRAINT "phase_no_overlap" EXCLUDE USING gist ("committee_id" WITH =, daterange("start_date", "end_date", '[]') WITH &&) WHERE ("state" <> 'cancelled')`);
    await queryRunner.query(`CREATE UNIQUE INDEX "phase_one_active" ON "phase" ("committee_id") WHERE "state" = 'active'`);
    await queryRunner.query(`ALTER TABLE "phase" ADD CONSTRAINT "FK_phase_committee" FOREIGN KEY ("committee_id") REFERENCES "committee"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE TABLE "phase_participant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "phase_id" uuid NOT NULL, "person_id" uuid NOT NULL, "note" text, "invited_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_phase_participant" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "phase_participant_unique" ON "phase_participant" ("phase_id", "person_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_phase_participant_person" ON "phase_participant" ("person_id")`);
    await queryRunner.query(`ALTER TABLE "phase_participant" ADD CONSTRAINT "FK_phase_participant_phase" FOREIGN KEY ("phase_id") REFERENCES "phase"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "phase_participant" ADD CONSTRAINT "FK_phase_participant_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "phase_participant"`);
    await queryRunner.query(`DROP TABLE "phase"`);
  }
}
