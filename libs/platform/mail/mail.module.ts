import { Module } from '@nestjs/common';
import { DeliveryIntentsModule } from './delivery-intents.module.js';
import { DeliveryService } from './delivery.service.js';
import { MailTransport } from './mail-transport.service.js';

/** E-mail: the transport and deliveries recorded under unique keys; each feature owns the handlers of its e-mails. */
@Module({
  imports: [DeliveryIntentsModule],
  providers: [MailTransport, DeliveryService],
  exports: [DeliveryService, DeliveryIntentsModule],
})
export class MailModule {}
