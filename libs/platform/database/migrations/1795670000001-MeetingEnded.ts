import type { MigrationInterface, QueryRunner } from "typeorm";

/** When the meeting was closed, for the minutes' "Mødet hævet kl. 12.30". */

export class MeetingEnded1795670000001 implements MigrationInterface {
    name = 'MeetingEnded1795670000001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "meeting" ADD "ended_at" TIMESTAMP WITH TIME ZONE`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "meeting" DROP COLUMN "ended_at"`);
    }
}
