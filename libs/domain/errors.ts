import type { DomainErrorKind, ErrorCode, NotFoundRecord } from './errors/index.js';

export type { DomainErrorKind };

/**
 * An expected refusal: bad input, a rule of the domain, a missing record.
 * `code` is stable and machine-readable (snake_case), one of its area's catalogue (./errors/); `message` says in
 * plain words what to fix.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static invalid(code: ErrorCode<'invalid'>, message: string, details?: Record<string, unknown>) {
    return new DomainError('invalid', code, message, details);
  }
  /** Well-formed, but a rule about what it names refuses it (422), e.g. a vote by a member who was disqualified. */
  static unprocessable(code: ErrorCode<'unprocessable'>, message: string, details?: Record<string, unknown>) {
    return new DomainError('unprocessable', code, message, details);
  }
  static notFound(record: NotFoundRecord, id: string) {
    return new DomainError('not-found', `${record.replace(/[^a-z]+/gi, '_').toLowerCase()}_not_found` as ErrorCode<'not-found'>, `No ${record} with id ${id}`, { id });
  }
  static conflict(code: ErrorCode<'conflict'>, message: string, details?: Record<string, unknown>) {
    return new DomainError('conflict', code, message, details);
  }
  static forbidden(message = 'Your role does not allow this', code: ErrorCode<'forbidden'> = 'forbidden') {
    return new DomainError('forbidden', code, message);
  }
}
