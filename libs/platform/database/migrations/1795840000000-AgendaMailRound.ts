import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A round of a meeting's e-mails rendered once, for every member's job to read with its outbox row. */
export class AgendaMailRound1795840000000 implements MigrationInterface {
  name = 'AgendaMailRound1795840000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "agenda_mail_round" (
      "meeting_id" uuid NOT NULL,
      "kind" text NOT NULL,
      "sequence" integer NOT NULL,
      "subject" text NOT NULL,
      "text_parts" text[] NOT NULL,
      "html_parts" text[] NOT NULL,
      "calendar_method" text NOT NULL,
      "calendar" text NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_agenda_mail_round" PRIMARY KEY ("meeting_id", "kind", "sequence"),
      CONSTRAINT "FK_agenda_mail_round_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE
    )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "agenda_mail_round"`);
  }
}
