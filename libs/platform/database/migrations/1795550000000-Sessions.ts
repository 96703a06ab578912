import type { MigrationInterface, QueryRunner } from "typeorm";

/** Server-side sessions: a token names one, and the server can end it (logout, a password change, an administrator). */

export class Sessions1795550000000 implements MigrationInterface {
    name = 'Sessions1795550000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "auth_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "csrf_token" text NOT NULL, "login_fingerprint" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, "ended_reason" text, "ip" text, "user_agent" text, CONSTRAINT "PK_auth_session" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "auth_session_open_of_person" ON "auth_session" ("person_id") WHERE ended_at IS NULL`);
        await queryRunner.query(`ALTER TABLE "auth_session" ADD CONSTRAINT "FK_auth_session_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "auth_session"`);
    }
}
