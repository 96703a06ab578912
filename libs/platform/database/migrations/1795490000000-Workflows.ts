import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Workflow history and the kommissorium with its versions. */
export class Workflows1795490000000 implements MigrationInterface {
  name = 'Workflows1795490000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "workflow_transition" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workflow" text NOT NULL, "record_id" uuid NOT NULL, "event" text NOT NULL, "from_state" text NOT NULL, "to_state" text NOT NULL, "actor_id" uuid, "comment" text, "request_id" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_workflow_transition" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_workflow_transition_record" ON "workflow_transition" ("workflow", "record_id", "at")`);
    await queryRunner.query(`CREATE TABLE "commission" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "committee_id" uuid NOT NULL, "version" integer NOT NULL, "state" text NOT NULL, "row_version" integer NOT NULL DEFAULT '1', "title" text NOT NULL, "purpose" text NOT NULL, "background" text, "themes" text array NOT NULL DEFAULT '{}', "composition" text, "deliverables" text, "approval_deadline" date, "previous_version_id" uuid, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_commission" PRIMARY KEY ("id"), CONSTRAINT "commission_state_known" CHECK ("state" IN ('draft', 'submitted', 'approved', 'superseded')))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "commission_committee_version_unique" ON "commission" ("committee_id", "version")`);
    // At most one version of a committee's kommissorium is being worked on at a time.
    await queryRunner.query(`CREATE UNIQUE INDEX "commission_one_open" ON "commission" ("committee_id") WHERE "state" IN ('draft', 'submitted')`);
    await queryRunner.query(`ALTER TABLE "commission" ADD CONSTRAINT "FK_commission_committee" FOREIGN KEY ("committee_id") REFERENCES "committee"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "commission" ADD CONSTRAINT "FK_commission_previous_version" FOREIGN KEY ("previous_version_id") REFERENCES "commission"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "commission"`);
    await queryRunner.query(`DROP TABLE "workflow_transition"`);
  }
}
