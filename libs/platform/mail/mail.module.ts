import { Module } from '@nestjs/common';
import { DeliveryClaims } from './delivery-claims.service.js';
import { DeliveryIntentsModule } from './delivery-intents.module.js';
import { DeliveryService } from './delivery.service.js';
import { MailTransport } from './mail-transport.service.js';

/** E-mail: the transport and deliveries recorded under unique keys; each feature owns the handlers of its e-mails. */
@Module({
  imports: [DeliveryIntentsModule],
  providers: [MailTransport, DeliveryClaims, DeliveryService],
  exports: [DeliveryService, DeliveryIntentsModule],
})
export class MailModule {}
