import type { MigrationInterface, QueryRunner } from "typeorm";

/** Meetings, agenda items, attendance, attachments, dissent and disqualification notes, item change history. */

export class Meetings1795510000000 implements MigrationInterface {
    name = 'Meetings1795510000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "agenda_item_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "item_id" uuid NOT NULL, "changed_fields" text array NOT NULL, "previous" jsonb NOT NULL, "actor_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_458329067fa5be12c39bf83b870" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_agenda_item_change_item" ON "agenda_item_change"  ("item_id", "at") `);
        await queryRunner.query(`CREATE TABLE "meeting" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "committee_id" uuid NOT NULL, "title" text, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE, "location" text NOT NULL, "state" text NOT NULL, "row_version" integer NOT NULL DEFAULT '1', "sequence" integer NOT NULL DEFAULT '0', "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "meeting_ends_after_start" CHECK ("ends_at" IS NULL OR "ends_at" > "starts_at"), CONSTRAINT "PK_dccaf9e4c0e39067d82ccc7bb83" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_meeting_committee_starts" ON "meeting"  ("committee_id", "starts_at") `);
        await queryRunner.query(`CREATE TABLE "agenda_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "number" integer NOT NULL, "title" text NOT NULL, "case_number" text, "start_time" text, "end_time" text, "closed" boolean NOT NULL DEFAULT false, "closed_reason" text, "summary" text, "recommendation" text, "presentation" text, "decision" text, "attachment_names" text array NOT NULL DEFAULT '{}', "state" text NOT NULL, "row_version" integer NOT NULL DEFAULT '1', "referred_from_item_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "agenda_item_number_unique" UNIQUE ("meeting_id", "number") DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "agenda_item_closed_has_reason" CHECK (NOT "closed" OR "closed_reason" IS NOT NULL), CONSTRAINT "agenda_item_slot_ordered" CHECK ("start_time" IS NULL OR "end_time" IS NULL OR "end_time" > "start_time"), CONSTRAINT "PK_413623e61232799619c2e0a1d42" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_agenda_item_case_number" ON "agenda_item"  ("case_number") `);
        await queryRunner.query(`CREATE INDEX "IDX_agenda_item_referred_from" ON "agenda_item"  ("referred_from_item_id") `);
        await queryRunner.query(`CREATE TABLE "attendance" ("meeting_id" uuid NOT NULL, "person_id" uuid NOT NULL, "status" text NOT NULL, "until" text, "note" text, "recorded_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7b22d01d5145d9d673fee47270a" PRIMARY KEY ("meeting_id", "person_id"))`);
        await queryRunner.query(`CREATE TABLE "item_attachment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "item_id" uuid NOT NULL, "name" text NOT NULL, "content_type" text NOT NULL, "size" integer NOT NULL, "sha256" text NOT NULL, "uploaded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e30d0879374f59116bb5a853e5d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_item_attachment_item" ON "item_attachment"  ("item_id") `);
        await queryRunner.query(`CREATE TABLE "item_note" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "item_id" uuid NOT NULL, "person_id" uuid NOT NULL, "kind" text NOT NULL, "text" text, "recorded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "item_note_unique" UNIQUE ("item_id", "person_id", "kind"), CONSTRAINT "PK_f0ff9c580b13ce0cac6b1a6a4fe" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_item_note_item" ON "item_note"  ("item_id") `);
        await queryRunner.query(`ALTER TABLE "meeting" ADD CONSTRAINT "FK_meeting_committee" FOREIGN KEY ("committee_id") REFERENCES "committee"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "agenda_item" ADD CONSTRAINT "FK_agenda_item_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "agenda_item" ADD CONSTRAINT "FK_agenda_item_referred_from" FOREIGN KEY ("referred_from_item_id") REFERENCES "agenda_item"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "attendance" ADD CONSTRAINT "FK_attendance_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "attendance" ADD CONSTRAINT "FK_attendance_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "item_attachment" ADD CONSTRAINT "FK_item_attachment_item" FOREIGN KEY ("item_id") REFERENCES "agenda_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "item_note" ADD CONSTRAINT "FK_item_note_item" FOREIGN KEY ("item_id") REFERENCES "agenda_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "item_note" ADD CONSTRAINT "FK_item_note_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "item_note" DROP CONSTRAINT "FK_item_note_person"`);
        await queryRunner.query(`ALTER TABLE "item_note" DROP CONSTRAINT "FK_item_note_item"`);
        await queryRunner.query(`ALTER TABLE "item_attachment" DROP CONSTRAINT "FK_item_attachment_item"`);
        await queryRunner.query(`ALTER TABLE "attendance" DROP CONSTRAINT "FK_attendance_person"`);
        await queryRunner.query(`ALTER TABLE "attendance" DROP CONSTRAINT "FK_attendance_meeting"`);
        await queryRunner.query(`ALTER TABLE "agenda_item" DROP CONSTRAINT "FK_agenda_item_referred_from"`);
        await queryRunner.query(`ALTER TABLE "agenda_item" DROP CONSTRAINT "FK_agenda_item_meeting"`);
        await queryRunner.query(`ALTER TABLE "meeting" DROP CONSTRAINT "FK_meeting_committee"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_item_note_item"`);
        await queryRunner.query(`DROP TABLE "item_note"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_item_attachment_item"`);
        await queryRunner.query(`DROP TABLE "item_attachment"`);
        await queryRunner.query(`DROP TABLE "attendance"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_agenda_item_referred_from"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_agenda_item_case_number"`);
        await queryRunner.query(`DROP TABLE "agenda_item"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_meeting_committee_starts"`);
        await queryRunner.query(`DROP TABLE "meeting"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_agenda_item_change_item"`);
        await queryRunner.query(`DROP TABLE "agenda_item_change"`);
    }

}
