import type { MigrationInterface, QueryRunner } from "typeorm";

/** A seat's substitutes (stedfortrædere) in list order, and the attendance of a substitute called in for a member. */

export class Substitutes1795660000000 implements MigrationInterface {
    name = 'Substitutes1795660000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "membership_substitute" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "membership_id" uuid NOT NULL, "person_id" uuid NOT NULL, "position" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_membership_substitute" PRIMARY KEY ("id"), CONSTRAINT "membership_substitute_unique" UNIQUE ("membership_id", "person_id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_membership_substitute_person" ON "membership_substitute" ("person_id") `);
        await queryRunner.query(`ALTER TABLE "membership_substitute" ADD CONSTRAINT "FK_membership_substitute_membership" FOREIGN KEY ("membership_id") REFERENCES "membership"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "membership_substitute" ADD CONSTRAINT "FK_membership_substitute_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "attendance" ADD "substitute_for" uuid`);
        await queryRunner.query(`ALTER TABLE "attendance" ADD CONSTRAINT "FK_attendance_substitute_for" FOREIGN KEY ("substitute_for") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        // One substitute per absent member and meeting.
        await queryRunner.query(`CREATE UNIQUE INDEX "attendance_one_substitute_per_member" ON "attendance" ("meeting_id", "substitute_for") WHERE "substitute_for" IS NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."attendance_one_substitute_per_member"`);
        await queryRunner.query(`ALTER TABLE "attendance" DROP CONSTRAINT "FK_attendance_substitute_for"`);
        await queryRunner.query(`ALTER TABLE "attendance" DROP COLUMN "substitute_for"`);
        await queryRunner.query(`ALTER TABLE "membership_substitute" DROP CONSTRAINT "FK_membership_substitute_person"`);
        await queryRunner.query(`ALTER TABLE "membership_substitute" DROP CONSTRAINT "FK_membership_substitute_membership"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_membership_substitute_person"`);
        await queryRunner.query(`DROP TABLE "membership_substitute"`);
    }
}
