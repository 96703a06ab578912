import { readFile } from 'node:fs/promises';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AppConfig } from '@app/config';
import { sha512Hex, storedFilePath } from '@app/storage';

/** Each table of stored files, with the store folder its bytes live in. */
const STORED_FILES = [
  { table: 'item_attachment', folder: 'attachments' },
  { table: 'agenda_document', folder: 'agendas' },
  { table: 'minutes_file', folder: 'sha256' },
] as const;

/**
 * The sha512 of every stored file, the checksum OParl publishes, beside the sha256 that names it; and the Bilag
 * removed while public, which open data answers as deleted. Files stored before are hashed here, from the store
 * (STORAGE_DIR, as the application reads it); a row whose file is gone keeps no sha512.
 */
export class FileChecksumsAndRemovals1795800000000 implements MigrationInterface {
  name = 'FileChecksumsAndRemovals1795800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table } of STORED_FILES) await queryRunner.query(`ALTER TABLE "${table}" ADD "sha512" text`);
    // A sealed referat's files never change; filling in the checksum of their unchanged bytes, once, is no change of them.
    await queryRunner.query(`CREATE OR REPLACE FUNCTION "minutes_sealed_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'minutes_file' AND to_jsonb(OLD) ->> 'sha512' IS NULL
           AND (to_jsonb(NEW) - 'sha512') = (to_jsonb(OLD) - 'sha512') THEN
          RETURN NEW;
        END IF;
        IF EXISTS (SELECT 1 FROM "minutes" WHERE "id" = OLD."minutes_id" AND "sealed_hash" IS NOT NULL) THEN
          RAISE EXCEPTION 'minutes % are sealed: % rows do not change', OLD."minutes_id", TG_TABLE_NAME USING ERRCODE = 'check_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    const storageDir = process.env.STORAGE_DIR || new AppConfig().STORAGE_DIR;
    for (const { table, folder } of STORED_FILES) {
      const hashes: { sha256: string }[] = await queryRunner.query(`SELECT DISTINCT "sha256" FROM "${table}"`);
      for (const { sha256 } of hashes) {
        const content = await readFile(storedFilePath(storageDir, folder, sha256)).catch(() => null);
        if (content) await queryRunner.query(`UPDATE "${table}" SET "sha512" = $1 WHERE "sha256" = $2`, [sha512Hex(content), sha256]);
      }
    }
    await queryRunner.query(
      `CREATE TABLE "item_attachment_removal" ("attachment_id" uuid NOT NULL, "item_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "removed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_item_attachment_removal" PRIMARY KEY ("attachment_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_item_attachment_removal_item" ON "item_attachment_removal" ("item_id")`);
    await queryRunner.query(
      `ALTER TABLE "item_attachment_removal" ADD CONSTRAINT "FK_item_attachment_removal_item" FOREIGN KEY ("item_id") REFERENCES "agenda_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "item_attachment_removal"`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION "minutes_sealed_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM "minutes" WHERE "id" = OLD."minutes_id" AND "sealed_hash" IS NOT NULL) THEN
          RAISE EXCEPTION 'minutes % are sealed: % rows do not change', OLD."minutes_id", TG_TABLE_NAME USING ERRCODE = 'check_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    for (const { table } of STORED_FILES) await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "sha512"`);
  }
}
