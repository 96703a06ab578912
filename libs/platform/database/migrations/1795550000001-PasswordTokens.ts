import type { MigrationInterface, QueryRunner } from "typeorm";

/** Single-use links to choose a password (reset and welcome); only a hash of each token is kept. */

export class PasswordTokens1795550000001 implements MigrationInterface {
    name = 'PasswordTokens1795550000001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "password_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "token_hash" text NOT NULL, "purpose" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_password_token" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "password_token_hash_unique" ON "password_token" ("token_hash") `);
        await queryRunner.query(`CREATE INDEX "password_token_of_person" ON "password_token" ("person_id") `);
        await queryRunner.query(`ALTER TABLE "password_token" ADD CONSTRAINT "FK_password_token_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "password_token"`);
    }
}
