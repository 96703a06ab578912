import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A seat's last change (its end set), which open data (OParl) answers as `modified`, so a client asking for what
 * changed since a moment learns of an ended seat. Existing seats last changed when they were made, as far as is known.
 */
export class MembershipModified1795630000000 implements MigrationInterface {
    name = 'MembershipModified1795630000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "membership" ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
        await queryRunner.query(`UPDATE "membership" SET "updated_at" = "created_at"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "membership" DROP COLUMN "updated_at"`);
    }
}
