import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeliveryClaims } from './delivery-claims.service.js';
import { Delivery } from './delivery.entity.js';
import { DeliveryRepository } from './delivery.repository.js';
import { DeliveryService } from './delivery.service.js';
import { MailTransport } from './mail-transport.service.js';

/** E-mail: the transport and deliveries recorded under unique keys; each feature owns the handlers of its e-mails. */
@Module({
  imports: [TypeOrmModule.forFeature([Delivery])],
  providers: [MailTransport, DeliveryRepository, DeliveryClaims, DeliveryService],
  exports: [DeliveryService],
})
export class MailModule {}
