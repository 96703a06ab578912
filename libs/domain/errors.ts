/** What went wrong, in terms a client can act on; the HTTP layer maps each kind to a status code. */
export type DomainErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'rate-limited';

/**
 * An expected refusal: bad input, a rule of the domain, a missing record.
 * `code` is stable and machine-readable (snake_case); `message` says in plain words what to fix.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static invalid(code: string, message: string, details?: Record<string, unknown>) {
    return new DomainError('invalid', code, message, details);
  }
  static notFound(entity: string, id: string) {
    return new DomainError('not-found', `${entity.replace(/[^a-z]+/gi, '_').toLowerCase()}_not_found`, `No ${entity} with id ${id}`, { id });
  }
  static conflict(code: string, message: string, details?: Record<string, unknown>) {
    return new DomainError('conflict', code, message, details);
  }
  static forbidden(message = 'Your role does not allow this', code = 'forbidden') {
    return new DomainError('forbidden', code, message);
  }
}
