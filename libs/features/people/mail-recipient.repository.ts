import { Injectable } from '@nestjs/common';
import { preparedStatement } from '@app/core';
import { type Transaction, UnitOfWork } from '@app/database';

/** A person as an e-mail addresses them. */
export interface MailRecipient {
  personId: string;
  name: string;
  email: string;
}

const RECIPIENT_COLUMNS = `p.id AS "personId", p.name, p.email`;

const RECIPIENT_WITH_LOGIN = preparedStatement('welcome-recipient', `SELECT ${RECIPIENT_COLUMNS} FROM person p WHERE p.id = $1 AND p.password_hash IS NOT NULL`);

/** The people the e-mails of every feature go to, read when the e-mail is sent so they reach the address of that day. */
@Injectable()
export class MailRecipientRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async find(personId: string): Promise<MailRecipient | undefined> {
    const [person]: MailRecipient[] = await this.unitOfWork.outside.query(`SELECT ${RECIPIENT_COLUMNS} FROM person p WHERE p.id = $1`, [personId]);
    return person;
  }

  /** The person, while they have a login. */
  async withLogin(personId: string): Promise<MailRecipient | undefined> {
    const [person]: MailRecipient[] = await this.unitOfWork.outside.query(RECIPIENT_WITH_LOGIN, [personId]);
    return person;
  }

  /** The addresses of those of the people who exist, read in the transaction deciding their e-mails. */
  addressesOf(tx: Transaction, personIds: readonly string[]): Promise<MailRecipient[]> {
    if (!personIds.length) return Promise.resolve([]);
    return tx.query(`SELECT ${RECIPIENT_COLUMNS} FROM person p WHERE p.id = ANY($1::uuid[])`, [personIds]);
  }

  /** The people `personIds` (an SQL query of person ids, with its parameters) names, each once, by name. */
  among(personIds: string, parameters: unknown[]): Promise<MailRecipient[]> {
    return this.unitOfWork.outside.query(`SELECT ${RECIPIENT_COLUMNS} FROM person p WHERE p.id IN (${personIds}) ORDER BY p.name`, parameters);
  }
}
