import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A closed item's reason becomes a ground from § 10's list, the free text its "andet" text, and it gets a public
 * title. Items closed before keep their text as "andet"; they have no public title and show "Lukket punkt" alone.
 */

export class ClosedItemReasons1795690000000 implements MigrationInterface {
    name = 'ClosedItemReasons1795690000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "agenda_item" DROP CONSTRAINT "agenda_item_closed_has_reason"`);
        await queryRunner.query(`ALTER TABLE "agenda_item" RENAME COLUMN "closed_reason" TO "closed_reason_text"`);
        await queryRunner.query(`ALTER TABLE "agenda_item" ADD "closed_reason" text`);
        await queryRunner.query(`ALTER TABLE "agenda_item" ADD "public_title" text`);
        await queryRunner.query(`UPDATE "agenda_item" SET "closed_reason" = 'other' WHERE "closed"`);
        await queryRunner.query(`UPDATE "agenda_item" SET "closed_reason_text" = NULL WHERE NOT "closed"`);
        await queryRunner.query(`ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_closed_has_reason" CHECK (NOT "closed" OR "closed_reason" IS NOT NULL)`);
        await queryRunner.query(`ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_closed_reason_known" CHECK ("closed_reason" IN ('personal-matter', 'real-estate', 'estimates-and-tenders', 'negotiations-with-authorities', 'other'))`);
        await queryRunner.query(`ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_other_reason_has_text" CHECK ("closed_reason" <> 'other' OR "closed_reason_text" IS NOT NULL)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "agenda_item" DROP CONSTRAINT "agenda_item_other_reason_has_text"`);
        await queryRunner.query(`ALTER TABLE "agenda_item" DROP CONSTRAINT "agenda_item_closed_reason_known"`);
        await queryRunner.query(`ALTER TABLE "agenda_item" DROP CONSTRAINT "agenda_item_closed_has_reason"`);
        await queryRunner.query(`UPDATE "agenda_item" SET "closed_reason_text" = coalesce("closed_reason_text", "public_title", 'Lukket punkt, jf. Kommunestyrelsesloven § 10') WHERE "closed"`);
        await queryRunner.query(`ALTER TABLE "agenda_item" DROP COLUMN "public_title"`);
        await queryRunner.query(`ALTER TABLE "agenda_item" DROP COLUMN "closed_reason"`);
        await queryRunner.query(`ALTER TABLE "agenda_item" RENAME COLUMN "closed_reason_text" TO "closed_reason"`);
        await queryRunner.query(`ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_closed_has_reason" CHECK (NOT "closed" OR "closed_reason" IS NOT NULL)`);
    }
}
