import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The worker process holding a delivery's claim, so only it renews the lease and records the outcome. */
export class DeliveryClaimedBy1795770000000 implements MigrationInterface {
  name = 'DeliveryClaimedBy1795770000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "delivery" ADD "claimed_by" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "delivery" DROP COLUMN "claimed_by"`);
  }
}
