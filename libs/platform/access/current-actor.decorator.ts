import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type Actor } from '@app/core';
import { DomainError } from '@app/domain';

/** The logged-in person; routes marked @Public() have none. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<{ actor?: Actor }>().actor;
  if (!actor) throw new DomainError('unauthenticated', 'unauthenticated', 'Log in first: send Authorization: Bearer <token>');
  return actor;
});
