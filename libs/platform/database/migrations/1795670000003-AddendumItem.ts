import type { MigrationInterface, QueryRunner } from "typeorm";

/** The item an addendum to the minutes concerns (null: the whole referat), which decides whether the public sees it. */

export class AddendumItem1795670000003 implements MigrationInterface {
    name = 'AddendumItem1795670000003'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "minutes_addendum" ADD "item_id" uuid`);
        await queryRunner.query(`ALTER TABLE "minutes_addendum" ADD CONSTRAINT "FK_minutes_addendum_item" FOREIGN KEY ("item_id") REFERENCES "agenda_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "minutes_addendum" DROP CONSTRAINT "FK_minutes_addendum_item"`);
        await queryRunner.query(`ALTER TABLE "minutes_addendum" DROP COLUMN "item_id"`);
    }
}
