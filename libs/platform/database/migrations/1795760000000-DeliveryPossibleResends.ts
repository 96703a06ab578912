import type { MigrationInterface, QueryRunner } from 'typeorm';

/** How many times the mail server may have received a delivery more than once, counted where its attempts are. */
export class DeliveryPossibleResends1795760000000 implements MigrationInterface {
  name = 'DeliveryPossibleResends1795760000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "delivery" ADD "possible_resends" integer NOT NULL DEFAULT 0`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "delivery" DROP COLUMN "possible_resends"`);
  }
}
