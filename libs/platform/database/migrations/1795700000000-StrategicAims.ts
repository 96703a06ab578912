import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A body's strategic aims (sigtepunkter) and the committees, phases and agenda items tagged with them. A phase's
 * free-text theme stays as it is (it describes the phase); each distinct theme of a body's phases becomes one of the
 * body's aims, and the phases with it are tagged, so the red thread starts from what the plans already say.
 */
export class StrategicAims1795700000000 implements MigrationInterface {
    name = 'StrategicAims1795700000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "strategic_aim" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "body_id" uuid NOT NULL, "title" text NOT NULL, "description" text, "position" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "strategic_aim_title_not_blank" CHECK (btrim("title") <> ''), CONSTRAINT "PK_strategic_aim" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "strategic_aim_title_unique" ON "strategic_aim" ("body_id", "title") `);
        await queryRunner.query(`ALTER TABLE "strategic_aim" ADD CONSTRAINT "FK_strategic_aim_body" FOREIGN KEY ("body_id") REFERENCES "body"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`CREATE TABLE "committee_aim" ("committee_id" uuid NOT NULL, "aim_id" uuid NOT NULL, CONSTRAINT "PK_committee_aim" PRIMARY KEY ("committee_id", "aim_id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_committee_aim_aim" ON "committee_aim" ("aim_id") `);
        await queryRunner.query(`ALTER TABLE "committee_aim" ADD CONSTRAINT "FK_committee_aim_committee" FOREIGN KEY ("committee_id") REFERENCES "committee"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "committee_aim" ADD CONSTRAINT "FK_committee_aim_aim" FOREIGN KEY ("aim_id") REFERENCES "strategic_aim"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`CREATE TABLE "phase_aim" ("phase_id" uuid NOT NULL, "aim_id" uuid NOT NULL, CONSTRAINT "PK_phase_aim" PRIMARY KEY ("phase_id", "aim_id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_phase_aim_aim" ON "phase_aim" ("aim_id") `);
        await queryRunner.query(`ALTER TABLE "phase_aim" ADD CONSTRAINT "FK_phase_aim_phase" FOREIGN KEY ("phase_id") REFERENCES "phase"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "phase_aim" ADD CONSTRAINT "FK_phase_aim_aim" FOREIGN KEY ("aim_id") REFERENCES "strategic_aim"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`CREATE TABLE "agenda_item_aim" ("agenda_item_id" uuid NOT NULL, "aim_id" uuid NOT NULL, CONSTRAINT "PK_agenda_item_aim" PRIMARY KEY ("agenda_item_id", "aim_id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_agenda_item_aim_aim" ON "agenda_item_aim" ("aim_id") `);
        await queryRunner.query(`ALTER TABLE "agenda_item_aim" ADD CONSTRAINT "FK_agenda_item_aim_item" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "agenda_item_aim" ADD CONSTRAINT "FK_agenda_item_aim_aim" FOREIGN KEY ("aim_id") REFERENCES "strategic_aim"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`
            INSERT INTO "strategic_aim" ("body_id", "title", "position")
            SELECT t.body_id, t.title, row_number() OVER (PARTITION BY t.body_id ORDER BY t.first_planned, t.title)
            FROM (SELECT c.body_id, btrim(p.theme) AS title, min(p.created_at) AS first_planned
                  FROM "phase" p JOIN "committee" c ON c.id = p.committee_id
                  WHERE btrim(coalesce(p.theme, '')) <> ''
                  GROUP BY c.body_id, btrim(p.theme)) t`);
        await queryRunner.query(`
            INSERT INTO "phase_aim" ("phase_id", "aim_id")
            SELECT p.id, a.id FROM "phase" p JOIN "committee" c ON c.id = p.committee_id
            JOIN "strategic_aim" a ON a.body_id = c.body_id AND a.title = btrim(p.theme)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "agenda_item_aim"`);
        await queryRunner.query(`DROP TABLE "phase_aim"`);
        await queryRunner.query(`DROP TABLE "committee_aim"`);
        await queryRunner.query(`DROP TABLE "strategic_aim"`);
    }
}
