import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import type { Transaction } from '@app/database';
import { deliveryMessageId, messageIdDomain } from './delivery-message-id.js';
import { DeliveryRepository, type IntendedDelivery } from './delivery.repository.js';

/** Which e-mail a delivery is, whoever it goes to: one message for one reason and version, e.g. `welcome:<personId>`. */
export interface DeliveryIdentity {
  key: string;
  kind: string;
  personId?: string | null;
  subjectId?: string | null;
  /** The SEQUENCE of the calendar invitation the message carries. */
  sequence?: number | null;
}

/** A delivery to one address, as it is recorded before its first attempt. */
export type DeliveryAddressed = DeliveryIdentity & { recipient: string };

/**
 * Records the deliveries of e-mails a transaction decides to send, `pending`, in that transaction and before any
 * of their jobs runs, so the ledger lists every intended recipient from the start and one's failure never hides
 * another. Needs no mail server: the API records them as readily as the worker.
 */
@Injectable()
export class DeliveryIntents {
  private readonly messageIdDomain: string;

  constructor(
    private readonly ledger: DeliveryRepository,
    config: AppConfig,
  ) {
    this.messageIdDomain = messageIdDomain(config.MAIL_FROM, config.PUBLIC_BASE_URL);
  }

  async record(tx: Transaction, deliveries: readonly DeliveryAddressed[]): Promise<void> {
    await this.ledger.recordIntended(
      tx,
      deliveries.map((delivery) => this.row(delivery)),
    );
  }

  /** The delivery's row as the ledger records it, its Message-ID derived from its key. */
  row(delivery: DeliveryAddressed): IntendedDelivery {
    return {
      key: delivery.key,
      kind: delivery.kind,
      recipient: delivery.recipient,
      personId: delivery.personId ?? null,
      subjectId: delivery.subjectId ?? null,
      sequence: delivery.sequence ?? null,
      messageId: deliveryMessageId(delivery.key, this.messageIdDomain),
    };
  }
}
