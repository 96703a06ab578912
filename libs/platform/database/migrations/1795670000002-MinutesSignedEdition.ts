import type { MigrationInterface, QueryRunner } from "typeorm";

/** The referat as signed (ending with its Underskrifter) beside the assembled documents the seal covers. */

export class MinutesSignedEdition1795670000002 implements MigrationInterface {
    name = 'MinutesSignedEdition1795670000002'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "minutes_file" ADD "edition" text NOT NULL DEFAULT 'assembled'`);
        await queryRunner.query(`ALTER TABLE "minutes_file" ADD CONSTRAINT "minutes_file_edition_known" CHECK ("edition" IN ('assembled', 'signed'))`);
        await queryRunner.query(`ALTER TABLE "minutes_file" DROP CONSTRAINT "PK_minutes_file"`);
        await queryRunner.query(`ALTER TABLE "minutes_file" ADD CONSTRAINT "PK_minutes_file" PRIMARY KEY ("minutes_id", "variant", "format", "edition")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "minutes_file" WHERE "edition" = 'signed'`);
        await queryRunner.query(`ALTER TABLE "minutes_file" DROP CONSTRAINT "PK_minutes_file"`);
        await queryRunner.query(`ALTER TABLE "minutes_file" ADD CONSTRAINT "PK_minutes_file" PRIMARY KEY ("minutes_id", "variant", "format")`);
        await queryRunner.query(`ALTER TABLE "minutes_file" DROP CONSTRAINT "minutes_file_edition_known"`);
        await queryRunner.query(`ALTER TABLE "minutes_file" DROP COLUMN "edition"`);
    }
}
