import type { MigrationInterface, QueryRunner } from "typeorm";

/** Failures for a passing reason are retried within a window; a delivery says when it is tried next and which job sends it. */

export class RetryWindow1795545000000 implements MigrationInterface {
    name = 'RetryWindow1795545000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "outbox_message" ADD "retrying_until" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "delivery" ADD "next_attempt_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "delivery" ADD "outbox_message_id" uuid`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "delivery" DROP COLUMN "outbox_message_id"`);
        await queryRunner.query(`ALTER TABLE "delivery" DROP COLUMN "next_attempt_at"`);
        await queryRunner.query(`ALTER TABLE "outbox_message" DROP COLUMN "retrying_until"`);
    }
}
