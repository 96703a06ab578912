import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Referrals become proposals: a committee lists the committees it receives referred cases from, and a referred case
 * waits in agenda_item_referral until the receiving secretary accepts it onto the agenda or declines it.
 */
export class Referrals1795570000000 implements MigrationInterface {
    name = 'Referrals1795570000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "committee_referral_source" ("committee_id" uuid NOT NULL, "source_committee_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "committee_referral_source_not_itself" CHECK ("committee_id" <> "source_committee_id"), CONSTRAINT "PK_committee_referral_source" PRIMARY KEY ("committee_id", "source_committee_id"))`);
        await queryRunner.query(`ALTER TABLE "committee_referral_source" ADD CONSTRAINT "FK_committee_referral_source_committee" FOREIGN KEY ("committee_id") REFERENCES "committee"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "committee_referral_source" ADD CONSTRAINT "FK_committee_referral_source_source" FOREIGN KEY ("source_committee_id") REFERENCES "committee"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`CREATE TABLE "agenda_item_referral" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "item_id" uuid NOT NULL, "to_meeting_id" uuid NOT NULL, "state" text NOT NULL, "decline_reason" text, "accepted_item_id" uuid, "proposed_by" uuid, "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "agenda_item_referral_state" CHECK ("state" IN ('proposed', 'accepted', 'declined')), CONSTRAINT "agenda_item_referral_declined_has_reason" CHECK ("state" <> 'declined' OR "decline_reason" IS NOT NULL), CONSTRAINT "PK_agenda_item_referral" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_agenda_item_referral_live" ON "agenda_item_referral" ("item_id") WHERE "state" IN ('proposed', 'accepted')`);
        await queryRunner.query(`CREATE INDEX "IDX_agenda_item_referral_to_meeting" ON "agenda_item_referral" ("to_meeting_id") `);
        await queryRunner.query(`ALTER TABLE "agenda_item_referral" ADD CONSTRAINT "FK_agenda_item_referral_item" FOREIGN KEY ("item_id") REFERENCES "agenda_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "agenda_item_referral" ADD CONSTRAINT "FK_agenda_item_referral_meeting" FOREIGN KEY ("to_meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "agenda_item_referral" ADD CONSTRAINT "FK_agenda_item_referral_accepted_item" FOREIGN KEY ("accepted_item_id") REFERENCES "agenda_item"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        // Referrals made before this release went straight onto the receiving agenda: they are accepted ones.
        await queryRunner.query(`INSERT INTO "agenda_item_referral" ("item_id", "to_meeting_id", "state", "accepted_item_id", "proposed_at", "decided_at")
            SELECT onward."referred_from_item_id", onward."meeting_id", 'accepted', onward."id", onward."created_at", onward."created_at"
              FROM "agenda_item" onward WHERE onward."referred_from_item_id" IS NOT NULL
              ON CONFLICT DO NOTHING`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "agenda_item_referral"`);
        await queryRunner.query(`DROP TABLE "committee_referral_source"`);
    }
}
