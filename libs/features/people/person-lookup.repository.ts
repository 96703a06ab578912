import { Injectable } from '@nestjs/common';
import { findOrFail } from '@app/core';
import { type Transaction, UnitOfWork } from '@app/database';
import { Person } from './person.entity.js';

/** Other features' questions about one person: does the id name anyone, and who is it. */
@Injectable()
export class PersonLookupRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  exists(id: string, tx: Transaction = this.unitOfWork.outside): Promise<boolean> {
    return tx.existsBy(Person, { id });
  }

  /** The person, or a 404 naming the request field that held the id. */
  findOrFail(id: string, field: string, tx: Transaction = this.unitOfWork.outside): Promise<Person> {
    return findOrFail(tx, Person, id, { field });
  }
}
