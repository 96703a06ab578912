import type { MigrationInterface, QueryRunner } from "typeorm";

/** How each member voted on an item (afstemning), for the minutes. */

export class ItemVotes1795670000000 implements MigrationInterface {
    name = 'ItemVotes1795670000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "item_vote" ("item_id" uuid NOT NULL, "person_id" uuid NOT NULL, "vote" text NOT NULL, "recorded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "item_vote_choice_known" CHECK ("vote" IN ('for', 'against', 'abstain')), CONSTRAINT "PK_item_vote" PRIMARY KEY ("item_id", "person_id"))`);
        await queryRunner.query(`ALTER TABLE "item_vote" ADD CONSTRAINT "FK_item_vote_item" FOREIGN KEY ("item_id") REFERENCES "agenda_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "item_vote" ADD CONSTRAINT "FK_item_vote_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "item_vote" DROP CONSTRAINT "FK_item_vote_person"`);
        await queryRunner.query(`ALTER TABLE "item_vote" DROP CONSTRAINT "FK_item_vote_item"`);
        await queryRunner.query(`DROP TABLE "item_vote"`);
    }
}
