import type { MigrationInterface, QueryRunner } from "typeorm";

/** Each person's secret calendar address, stored as the sha256 of its token only. */

export class CalendarFeeds1795640000000 implements MigrationInterface {
    name = 'CalendarFeeds1795640000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "calendar_feed" ("person_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_calendar_feed" PRIMARY KEY ("person_id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "calendar_feed_token_hash_unique" ON "calendar_feed" ("token_hash") `);
        await queryRunner.query(`ALTER TABLE "calendar_feed" ADD CONSTRAINT "FK_calendar_feed_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "calendar_feed" DROP CONSTRAINT "FK_calendar_feed_person"`);
        await queryRunner.query(`DROP INDEX "public"."calendar_feed_token_hash_unique"`);
        await queryRunner.query(`DROP TABLE "calendar_feed"`);
    }
}
