import type { MigrationInterface, QueryRunner } from "typeorm";

/** The bodies a person acts for: a director approves, and a scoped administrator administers, only within them. */

export class PersonBodies1795560000000 implements MigrationInterface {
    name = 'PersonBodies1795560000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "person_body" ("person_id" uuid NOT NULL, "body_id" uuid NOT NULL, CONSTRAINT "PK_person_body" PRIMARY KEY ("person_id", "body_id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_person_body_body" ON "person_body" ("body_id") `);
        await queryRunner.query(`ALTER TABLE "person_body" ADD CONSTRAINT "FK_person_body_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "person_body" ADD CONSTRAINT "FK_person_body_body" FOREIGN KEY ("body_id") REFERENCES "body"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "person_body"`);
    }
}
