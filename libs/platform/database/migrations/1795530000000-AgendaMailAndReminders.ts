import type { MigrationInterface, QueryRunner } from "typeorm";

/** Each body's closed days for working-day deadlines; the calendar SEQUENCE a delivered e-mail carried. */

export class AgendaMailAndReminders1795530000000 implements MigrationInterface {
    name = 'AgendaMailAndReminders1795530000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "body" ADD "closed_days" text array NOT NULL DEFAULT '{06-05,12-24,12-31}'`);
        await queryRunner.query(`ALTER TABLE "delivery" ADD "sequence" integer`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "delivery" DROP COLUMN "sequence"`);
        await queryRunner.query(`ALTER TABLE "body" DROP COLUMN "closed_days"`);
    }
}
