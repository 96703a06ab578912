import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { DomainError } from '@app/domain';
import type { RequestSession } from './session-token.js';

/** The session the request was authenticated by (set by AuthGuard). */
export const CurrentSession = createParamDecorator((_: unknown, context: ExecutionContext): RequestSession => {
  const session = context.switchToHttp().getRequest<{ session?: RequestSession }>().session;
  if (!session) throw new DomainError('unauthenticated', 'unauthenticated', 'Log in first: send Authorization: Bearer <token>, or the session cookie');
  return session;
});
