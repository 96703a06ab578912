import type { MigrationInterface, QueryRunner } from "typeorm";

/** The audit trail keeps the client's address and the client's own request id beside the server's. */

export class AuditClient1795540000000 implements MigrationInterface {
    name = 'AuditClient1795540000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "audit_entry" ADD "client_request_id" text`);
        await queryRunner.query(`ALTER TABLE "audit_entry" ADD "ip" text`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "audit_entry" DROP COLUMN "ip"`);
        await queryRunner.query(`ALTER TABLE "audit_entry" DROP COLUMN "client_request_id"`);
    }
}
