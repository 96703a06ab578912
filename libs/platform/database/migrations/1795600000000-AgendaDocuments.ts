import type { MigrationInterface, QueryRunner } from "typeorm";

/** The agenda as one PDF (samlet dagsorden): each meeting's PDF per variant, with the hash of the agenda it shows. */
export class AgendaDocuments1795600000000 implements MigrationInterface {
    name = 'AgendaDocuments1795600000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "agenda_document" ("meeting_id" uuid NOT NULL, "variant" text NOT NULL, "source_hash" text NOT NULL, "sha256" text NOT NULL, "size" integer NOT NULL, "built_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "agenda_document_variant_known" CHECK ("variant" IN ('members', 'public')), CONSTRAINT "PK_agenda_document" PRIMARY KEY ("meeting_id", "variant"))`);
        await queryRunner.query(`ALTER TABLE "agenda_document" ADD CONSTRAINT "FK_agenda_document_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "agenda_document"`);
    }
}
