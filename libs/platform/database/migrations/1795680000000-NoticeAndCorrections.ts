import type { MigrationInterface, QueryRunner } from "typeorm";

/** The material's notice period beside the agenda's, and when an item or a Bilag reached a published agenda late (Eftersendt). */

export class NoticeAndCorrections1795680000000 implements MigrationInterface {
    name = 'NoticeAndCorrections1795680000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "committee" ADD "material_notice_working_days" integer NOT NULL DEFAULT '3'`);
        await queryRunner.query(`ALTER TABLE "agenda_item" ADD "sent_late_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "item_attachment" ADD "sent_late_at" TIMESTAMP WITH TIME ZONE`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "item_attachment" DROP COLUMN "sent_late_at"`);
        await queryRunner.query(`ALTER TABLE "agenda_item" DROP COLUMN "sent_late_at"`);
        await queryRunner.query(`ALTER TABLE "committee" DROP COLUMN "material_notice_working_days"`);
    }
}
