import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The minutes of a meeting: workflow state, assembly progress, the rendered files, who signs, the seal and its
 * chained additions; and the committee setting for who signs.
 */
export class Minutes1795520000000 implements MigrationInterface {
  name = 'Minutes1795520000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "committee" ADD "minutes_signed_by" text NOT NULL DEFAULT 'participants'`);
    await queryRunner.query(`ALTER TABLE "committee" ADD CONSTRAINT "committee_minutes_signed_by_known" CHECK ("minutes_signed_by" IN ('participants', 'chair-and-secretary'))`);
    await queryRunner.query(`CREATE TABLE "minutes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "state" text NOT NULL, "row_version" integer NOT NULL DEFAULT '1', "assembly" text NOT NULL, "assembly_generation" integer NOT NULL DEFAULT '1', "progress" integer NOT NULL DEFAULT '0', "assembly_error" text, "sealed_hash" text, "sealed_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_minutes_meeting" UNIQUE ("meeting_id"), CONSTRAINT "minutes_state_known" CHECK ("state" IN ('draft', 'approved', 'signed', 'published')), CONSTRAINT "minutes_assembly_known" CHECK ("assembly" IN ('pending', 'ready', 'failed')), CONSTRAINT "minutes_progress_percent" CHECK ("progress" BETWEEN 0 AND 100), CONSTRAINT "minutes_sealed_only_when_signed" CHECK ("sealed_hash" IS NULL OR "state" IN ('signed', 'published')), CONSTRAINT "PK_minutes" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "minutes_file" ("minutes_id" uuid NOT NULL, "variant" text NOT NULL, "format" text NOT NULL, "sha256" text NOT NULL, "size" integer NOT NULL, CONSTRAINT "minutes_file_variant_known" CHECK ("variant" IN ('members', 'public')), CONSTRAINT "minutes_file_format_known" CHECK ("format" IN ('html', 'pdf', 'md')), CONSTRAINT "PK_minutes_file" PRIMARY KEY ("minutes_id", "variant", "format"))`);
    await queryRunner.query(`CREATE TABLE "minutes_signature" ("minutes_id" uuid NOT NULL, "person_id" uuid NOT NULL, "position" integer NOT NULL, "signed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_minutes_signature" PRIMARY KEY ("minutes_id", "person_id"))`);
    await queryRunner.query(`CREATE TABLE "minutes_addendum" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "minutes_id" uuid NOT NULL, "text" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sha256" text NOT NULL, "previous_hash" text NOT NULL, CONSTRAINT "PK_minutes_addendum" PRIMARY KEY ("id"))`);
    // One addition per link: two written at once on the same predecessor cannot both join the chain.
    await queryRunner.query(`CREATE UNIQUE INDEX "minutes_addendum_chain_unique" ON "minutes_addendum" ("minutes_id", "previous_hash")`);
    await queryRunner.query(`ALTER TABLE "minutes" ADD CONSTRAINT "FK_minutes_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "minutes_file" ADD CONSTRAINT "FK_minutes_file_minutes" FOREIGN KEY ("minutes_id") REFERENCES "minutes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "minutes_signature" ADD CONSTRAINT "FK_minutes_signature_minutes" FOREIGN KEY ("minutes_id") REFERENCES "minutes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "minutes_signature" ADD CONSTRAINT "FK_minutes_signature_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "minutes_addendum" ADD CONSTRAINT "FK_minutes_addendum_minutes" FOREIGN KEY ("minutes_id") REFERENCES "minutes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Sealed minutes never change: the database refuses to touch their files and additions, whatever the code does.
    await queryRunner.query(`CREATE FUNCTION "minutes_sealed_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM "minutes" WHERE "id" = OLD."minutes_id" AND "sealed_hash" IS NOT NULL) THEN
          RAISE EXCEPTION 'minutes % are sealed: % rows do not change', OLD."minutes_id", TG_TABLE_NAME USING ERRCODE = 'check_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "minutes_file_sealed" BEFORE UPDATE OR DELETE ON "minutes_file" FOR EACH ROW EXECUTE FUNCTION "minutes_sealed_guard"()`);
    await queryRunner.query(`CREATE FUNCTION "minutes_seal_kept"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD."sealed_hash" IS NOT NULL AND (NEW."sealed_hash" IS DISTINCT FROM OLD."sealed_hash" OR NEW."sealed_at" IS DISTINCT FROM OLD."sealed_at") THEN
          RAISE EXCEPTION 'minutes % are sealed: the seal does not change', OLD."id" USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "minutes_seal_kept" BEFORE UPDATE ON "minutes" FOR EACH ROW EXECUTE FUNCTION "minutes_seal_kept"()`);
    await queryRunner.query(`CREATE TRIGGER "minutes_addendum_sealed" BEFORE UPDATE OR DELETE ON "minutes_addendum" FOR EACH ROW EXECUTE FUNCTION "minutes_sealed_guard"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "minutes_addendum"`);
    await queryRunner.query(`DROP TABLE "minutes_signature"`);
    await queryRunner.query(`DROP TABLE "minutes_file"`);
    await queryRunner.query(`DROP FUNCTION "minutes_sealed_guard"()`);
    await queryRunner.query(`DROP TABLE "minutes"`);
    await queryRunner.query(`DROP FUNCTION "minutes_seal_kept"()`);
    await queryRunner.query(`ALTER TABLE "committee" DROP CONSTRAINT "committee_minutes_signed_by_known"`);
    await queryRunner.query(`ALTER TABLE "committee" DROP COLUMN "minutes_signed_by"`);
  }
}
