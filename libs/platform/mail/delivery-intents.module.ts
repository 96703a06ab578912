import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeliveryIntents } from './delivery-intents.js';
import { Delivery } from './delivery.entity.js';
import { DeliveryRepository } from './delivery.repository.js';

/** The ledger's recording side alone, for the features that decide e-mails inside their own transactions. */
@Module({
  imports: [TypeOrmModule.forFeature([Delivery])],
  providers: [DeliveryRepository, DeliveryIntents],
  exports: [DeliveryRepository, DeliveryIntents],
})
export class DeliveryIntentsModule {}
