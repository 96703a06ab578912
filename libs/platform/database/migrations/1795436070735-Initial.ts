import { type MigrationInterface, type QueryRunner } from "typeorm";

/** People, bodies, committees, memberships, audit, outbox and deliveries. */

export class Initial1795436070735 implements MigrationInterface {
    name = 'Initial1795436070735'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "audit_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_email" text, "action" text NOT NULL, "entity_type" text, "entity_id" text, "request_id" text, "method" text, "path" text, "status_code" integer, "details" jsonb, CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_9d18bd4a32fc0cd8ff82b12037" ON "audit_entry"  ("at") `);
        await queryRunner.query(`CREATE INDEX "IDX_cfbd3da3d6664af0dab55783b5" ON "audit_entry"  ("entity_type", "entity_id") `);
        await queryRunner.query(`CREATE TABLE "body" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "kind" text NOT NULL, "election_term_start" date, "election_term_end" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fcdfba471eb9ce3c1add2c1e83d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "committee" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "body_id" uuid NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "parent_id" uuid, "reports_to_id" uuid, "mandate_start" date NOT NULL, "mandate_end" date, "agenda_notice_working_days" integer NOT NULL DEFAULT '4', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_29569bbabae77e56711f2310563" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_2262cdc4fbc949f198d7b63255" ON "committee"  ("body_id") `);
        await queryRunner.query(`CREATE TABLE "person" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "email" text NOT NULL, "party" text, "title" text, "roles" text array NOT NULL DEFAULT '{}', "password_hash" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5fdaf670315c4b7e70cce85daa3" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "person_email_unique" ON "person"  ("email") `);
        await queryRunner.query(`CREATE TABLE "membership" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "committee_id" uuid NOT NULL, "person_id" uuid NOT NULL, "role" text NOT NULL, "start_date" date NOT NULL, "end_date" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_83c1afebef3059472e7c37e8de8" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_3aa4a70d376b1fc37dbc4940d8" ON "membership"  ("committee_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_6fc5e2153171bbeb54f4fda659" ON "membership"  ("person_id") `);
        await queryRunner.query(`CREATE TABLE "delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" text NOT NULL, "kind" text NOT NULL, "recipient" text NOT NULL, "person_id" uuid, "subject_id" uuid, "status" text NOT NULL DEFAULT 'pending', "message_id" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "claimed_until" TIMESTAMP WITH TIME ZONE, "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ffad7bf84e68716cd9af89003b0" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "delivery_key_unique" ON "delivery"  ("key") `);
        await queryRunner.query(`CREATE INDEX "IDX_dc68f6f83a253246797f1b677e" ON "delivery"  ("subject_id") `);
        await queryRunner.query(`CREATE TABLE "outbox_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "job_name" text NOT NULL, "payload" jsonb NOT NULL, "dedupe_key" text, "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "enqueued_at" TIMESTAMP WITH TIME ZONE, "processed_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "outcome" text, CONSTRAINT "PK_2f36ee5236f2793f3e7bd554589" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "outbox_message_dedupe_key" ON "outbox_message"  ("dedupe_key") WHERE processed_at IS NULL AND dedupe_key IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "outbox_message_unprocessed" ON "outbox_message"  ("available_at") WHERE processed_at IS NULL`);
        await queryRunner.query(`ALTER TABLE "committee" ADD CONSTRAINT "FK_2262cdc4fbc949f198d7b63255a" FOREIGN KEY ("body_id") REFERENCES "body"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "committee" ADD CONSTRAINT "FK_1445a27ac477a3105eecd8359f3" FOREIGN KEY ("parent_id") REFERENCES "committee"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "committee" ADD CONSTRAINT "FK_d051c8b0f4a3584e220be31a42e" FOREIGN KEY ("reports_to_id") REFERENCES "committee"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "membership" ADD CONSTRAINT "FK_3aa4a70d376b1fc37dbc4940d8a" FOREIGN KEY ("committee_id") REFERENCES "committee"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "membership" ADD CONSTRAINT "FK_6fc5e2153171bbeb54f4fda6595" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
        await queryRunner.query(`ALTER TABLE "membership" ADD CONSTRAINT "membership_no_overlap" EXCLUDE USING gist ("committee_id" WITH =, "person_id" WITH =, "role" WITH =, daterange("start_date", "end_date", '[]') WITH &&)`);
        await queryRunner.query(`ALTER TABLE "membership" ADD CONSTRAINT "membership_period_ordered" CHECK ("end_date" IS NULL OR "end_date" >= "start_date")`);
        await queryRunner.query(`ALTER TABLE "committee" ADD CONSTRAINT "committee_mandate_ordered" CHECK ("mandate_end" IS NULL OR "mandate_end" >= "mandate_start")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "committee" DROP CONSTRAINT "committee_mandate_ordered"`);
        await queryRunner.query(`ALTER TABLE "membership" DROP CONSTRAINT "membership_period_ordered"`);
        await queryRunner.query(`ALTER TABLE "membership" DROP CONSTRAINT "membership_no_overlap"`);
        await queryRunner.query(`ALTER TABLE "membership" DROP CONSTRAINT "FK_6fc5e2153171bbeb54f4fda6595"`);
        await queryRunner.query(`ALTER TABLE "membership" DROP CONSTRAINT "FK_3aa4a70d376b1fc37dbc4940d8a"`);
        await queryRunner.query(`ALTER TABLE "committee" DROP CONSTRAINT "FK_d051c8b0f4a3584e220be31a42e"`);
        await queryRunner.query(`ALTER TABLE "committee" DROP CONSTRAINT "FK_1445a27ac477a3105eecd8359f3"`);
        await queryRunner.query(`ALTER TABLE "committee" DROP CONSTRAINT "FK_2262cdc4fbc949f198d7b63255a"`);
        await queryRunner.query(`DROP INDEX "public"."outbox_message_unprocessed"`);
        await queryRunner.query(`DROP INDEX "public"."outbox_message_dedupe_key"`);
        await queryRunner.query(`DROP TABLE "outbox_message"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_dc68f6f83a253246797f1b677e"`);
        await queryRunner.query(`DROP INDEX "public"."delivery_key_unique"`);
        await queryRunner.query(`DROP TABLE "delivery"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_6fc5e2153171bbeb54f4fda659"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_3aa4a70d376b1fc37dbc4940d8"`);
        await queryRunner.query(`DROP TABLE "membership"`);
        await queryRunner.query(`DROP INDEX "public"."person_email_unique"`);
        await queryRunner.query(`DROP TABLE "person"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_2262cdc4fbc949f198d7b63255"`);
        await queryRunner.query(`DROP TABLE "committee"`);
        await queryRunner.query(`DROP TABLE "body"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_cfbd3da3d6664af0dab55783b5"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_9d18bd4a32fc0cd8ff82b12037"`);
        await queryRunner.query(`DROP TABLE "audit_entry"`);
    }

}
