import { Injectable } from '@nestjs/common';
import type { Transaction } from '@app/database';
import { type DeliveryIdentity, DeliveryIntents } from '@app/mail';
import { MailRecipientRepository } from './mail-recipient.repository.js';

/**
 * Records the deliveries of e-mails to people, `pending`, in the transaction that decides them, each at the address
 * its person has now (the job sends to the address of its day). Someone who no longer exists gets no delivery: their
 * job finds them gone and drops it.
 */
@Injectable()
export class IntendedMail {
  constructor(
    private readonly recipients: MailRecipientRepository,
    private readonly deliveries: DeliveryIntents,
  ) {}

  async record<Mail extends { personId: string }>(tx: Transaction, mails: readonly Mail[], identity: (mail: Mail) => DeliveryIdentity): Promise<void> {
    const people = await this.recipients.addressesOf(
      tx,
      mails.map((mail) => mail.personId),
    );
    const addressOf = new Map(people.map((person) => [person.personId, person.email]));
    await this.deliveries.record(
      tx,
      mails.flatMap((mail) => {
        const recipient = addressOf.get(mail.personId);
        return recipient ? [{ ...identity(mail), personId: mail.personId, recipient }] : [];
      }),
    );
  }
}
