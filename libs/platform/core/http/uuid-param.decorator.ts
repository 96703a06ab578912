import { Param, ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@app/domain';

/** A UUID path parameter; anything else is a 400 that names the parameter, never a database error. */
export const UuidParam = (name: string) =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => DomainError.invalid('invalid_id', `${name} in the path must be a UUID`, { field: name }) }));
