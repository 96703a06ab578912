import { Module } from '@nestjs/common';
import { DeliveryService } from './delivery.service.js';
import { MailTransport } from './mail-transport.service.js';
import { WelcomeEmailHandler } from './welcome-email.handler.js';

/** E-mail: the transport, deliveries recorded under unique keys, and the handlers of the mail jobs. */
@Module({
  providers: [MailTransport, DeliveryService, WelcomeEmailHandler],
  exports: [DeliveryService],
})
export class NotificationsModule {}
