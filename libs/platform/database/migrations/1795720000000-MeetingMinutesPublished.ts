import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When a meeting's minutes were published, kept on the meeting so the meetings' reads need not name the minutes. */
export class MeetingMinutesPublished1795720000000 implements MigrationInterface {
  name = 'MeetingMinutesPublished1795720000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meeting" ADD "minutes_published_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE "meeting" m SET "minutes_published_at" = coalesce(mi."published_at", mi."updated_at") FROM "minutes" mi WHERE mi."meeting_id" = m."id" AND mi."state" = 'published'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meeting" DROP COLUMN "minutes_published_at"`);
  }
}
