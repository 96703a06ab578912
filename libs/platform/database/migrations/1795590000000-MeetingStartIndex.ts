import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The public list of every committee's agendas, newest first, read the whole meeting table and sorted it; in start
 * order through this index it stops after the page it answers, however many meetings the installation holds.
 */

export class MeetingStartIndex1795590000000 implements MigrationInterface {
    name = 'MeetingStartIndex1795590000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "IDX_meeting_starts" ON "meeting" ("starts_at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_meeting_starts"`);
    }
}
