import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The council's adoption of a kommissorium: whether a committee's kommissorium needs it (a § 17, stk. 4 committee's
 * does), the kommissorium's states awaiting-council and adopted and the council item that decides it, and on an
 * agenda item the record that proposed it and the outcome its decision records.
 */
export class CommissionAdoption1795650000000 implements MigrationInterface {
    name = 'CommissionAdoption1795650000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "committee" ADD "commission_needs_council" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`UPDATE "committee" SET "commission_needs_council" = true WHERE "kind" = 'section-17-4'`);
        await queryRunner.query(`ALTER TABLE "agenda_item" ADD "origin_kind" text`);
        await queryRunner.query(`ALTER TABLE "agenda_item" ADD "origin_id" uuid`);
        await queryRunner.query(`ALTER TABLE "agenda_item" ADD "decision_outcome" text`);
        await queryRunner.query(`ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_decision_outcome_known" CHECK ("decision_outcome" IS NULL OR "decision_outcome" IN ('approved', 'not-approved'))`);
        await queryRunner.query(`ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_origin_whole" CHECK (("origin_kind" IS NULL) = ("origin_id" IS NULL))`);
        await queryRunner.query(`CREATE INDEX "IDX_agenda_item_origin" ON "agenda_item" ("origin_id") `);
        await queryRunner.query(`ALTER TABLE "commission" ADD "council_committee_id" uuid`);
        await queryRunner.query(`ALTER TABLE "commission" ADD "council_item_id" uuid`);
        await queryRunner.query(`ALTER TABLE "commission" DROP CONSTRAINT "commission_state_known"`);
        await queryRunner.query(`ALTER TABLE "commission" ADD CONSTRAINT "commission_state_known" CHECK ("state" IN ('draft', 'submitted', 'approved', 'awaiting-council', 'adopted', 'superseded'))`);
        await queryRunner.query(`DROP INDEX "public"."commission_one_open"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "commission_one_open" ON "commission" ("committee_id") WHERE "state" IN ('draft', 'submitted', 'awaiting-council')`);
        await queryRunner.query(`ALTER TABLE "commission" ADD CONSTRAINT "FK_commission_council_committee" FOREIGN KEY ("council_committee_id") REFERENCES "committee"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "commission" ADD CONSTRAINT "FK_commission_council_item" FOREIGN KEY ("council_item_id") REFERENCES "agenda_item"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "commission" DROP CONSTRAINT "FK_commission_council_item"`);
        await queryRunner.query(`ALTER TABLE "commission" DROP CONSTRAINT "FK_commission_council_committee"`);
        await queryRunner.query(`DROP INDEX "public"."commission_one_open"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "commission_one_open" ON "commission" ("committee_id") WHERE "state" IN ('draft', 'submitted')`);
        await queryRunner.query(`ALTER TABLE "commission" DROP CONSTRAINT "commission_state_known"`);
        await queryRunner.query(`ALTER TABLE "commission" ADD CONSTRAINT "commission_state_known" CHECK ("state" IN ('draft', 'submitted', 'approved', 'superseded'))`);
        await queryRunner.query(`ALTER TABLE "commission" DROP COLUMN "council_item_id"`);
        await queryRunner.query(`ALTER TABLE "commission" DROP COLUMN "council_committee_id"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_agenda_item_origin"`);
        await queryRunner.query(`ALTER TABLE "agenda_item" DROP CONSTRAINT "agenda_item_origin_whole"`);
        await queryRunner.query(`ALTER TABLE "agenda_item" DROP CONSTRAINT "agenda_item_decision_outcome_known"`);
        await queryRunner.query(`ALTER TABLE "agenda_item" DROP COLUMN "decision_outcome"`);
        await queryRunner.query(`ALTER TABLE "agenda_item" DROP COLUMN "origin_id"`);
        await queryRunner.query(`ALTER TABLE "agenda_item" DROP COLUMN "origin_kind"`);
        await queryRunner.query(`ALTER TABLE "committee" DROP COLUMN "commission_needs_council"`);
    }
}
