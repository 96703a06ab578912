import { HttpException, HttpStatus, type ValidationError } from '@nestjs/common';
import { DomainError, type DomainErrorKind } from '@app/domain';
import { QueryFailedError } from 'typeorm';

export interface HttpErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code: string;
  details?: Record<string, unknown>;
}

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  'rate-limited': HttpStatus.TOO_MANY_REQUESTS,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

/** How long a client is asked to wait while the database is away: long enough for a restart, short enough to retry. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// Node's socket errors: the pool could not reach the server or lost it.
const UNREACHABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
// PostgreSQL going away: connection exceptions (class 08), shutdown and start-up (57P01-57P03), no free connection (53300).
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
// node-postgres's own words for a connection it lost or could not get in time.
const LOST_CONNECTION = /Connection terminated|timeout exceeded when trying to connect|connection is not open|is not queryable/i;

/** True when the error says the database could not be reached, not that the request was wrong. */
export function isDatabaseUnavailable(exception: unknown): boolean {
  // A QueryFailedError carries its driver error's code and message as its own.
  const error = exception as { code?: unknown; message?: unknown; errors?: unknown[] } | null;
  if (!error || typeof error !== 'object') return false;
  const code = typeof error.code === 'string' ? error.code : '';
  if (code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code) || UNREACHABLE_SOCKET_CODES.has(code)) return true;
  // A refused connection to a host with several addresses comes as an AggregateError of one per address.
  if (Array.isArray(error.errors) && error.errors.some(isDatabaseUnavailable)) return true;
  return typeof error.message === 'string' && LOST_CONNECTION.test(error.message);
}

const CODE_OF_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

function reason(status: number): string {
  const name = HttpStatus[status];
  return name ? name.toLowerCase().split('_').map((w) => w[0].toUpperCase() + w.slice(1)).join(' ') : 'Error';
}

function body(status: number, code: string, message: string, details?: Record<string, unknown>): HttpErrorBody {
  return { statusCode: status, error: reason(status), message, code, ...(details ? { details } : {}) };
}

/** PostgreSQL refusals that bad input can still provoke past validation (races on unique keys, malformed ids). */
function fromDatabase(error: QueryFailedError & { code?: string; constraint?: string; column?: string }): HttpErrorBody | null {
  switch (error.code) {
    case '23505':
    case '23P01':
      return body(409, 'conflict', `This conflicts with an existing record${error.constraint ? ` (${error.constraint})` : ''}`);
    case '23503':
      return body(404, 'referenced_record_not_found', 'A referenced record does not exist');
    case '23502':
      return body(400, 'missing_value', `A required value is missing${error.column ? `: ${error.column}` : ''}`);
    case '23514':
      return body(400, 'rule_violated', `A value breaks a rule of the record${error.constraint ? ` (${error.constraint})` : ''}`);
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
      // PostgreSQL's own text names its internals; it goes to the log, never to the client.
      return body(400, 'invalid_value', 'A value has the wrong form for its field');
    case '22021':
    case '22P05':
      return body(400, 'invalid_text', 'A text holds a character that cannot be stored (a NUL or invalid Unicode)');
    default:
      return null;
  }
}

/** Maps anything a handler throws to the error body of the API contract; null means an unexpected failure. */
export function toHttpError(exception: unknown): HttpErrorBody | null {
  if (exception instanceof DomainError) {
    return body(STATUS_OF_KIND[exception.kind], exception.code, exception.message, exception.details);
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    const message = Array.isArray(raw) ? raw.join('; ') : String(raw ?? exception.message);
    const ownCode = typeof response === 'object' && (response as { code?: string }).code;
    if (status === 415 && !ownCode) {
      // A body in a content type no route parses, refused before any handler.
      return body(415, 'unsupported_media_type', 'This Content-Type is not accepted: send the body as JSON (application/json), or as multipart/form-data where a file is uploaded');
    }
    return body(status, ownCode || CODE_OF_STATUS[status] || 'error', message);
  }
  if (isDatabaseUnavailable(exception)) {
    return body(503, 'database_unavailable', 'The database cannot be reached just now; nothing was changed. Try again shortly', { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS });
  }
  if (exception instanceof QueryFailedError) return fromDatabase(exception);
  const status = (exception as { statusCode?: number })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's own refusals (malformed JSON, body too large, wrong content type)
    return body(status, (exception as { code?: string }).code?.toLowerCase() ?? CODE_OF_STATUS[status] ?? 'bad_request', (exception as Error).message);
  }
  return null;
}

export function internalErrorBody(): HttpErrorBody {
  return body(500, 'internal_error', 'Something went wrong on our side; it has been logged');
}

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((text) => (text.startsWith(error.property) ? `${prefix ? `${prefix}.` : ''}${text}` : `${path}: ${text}`));
    return own.concat(flatten(error.children ?? [], path));
  });
}

/** The ValidationPipe's errors as one DomainError naming every bad field. */
export function validationError(errors: ValidationError[]): DomainError {
  const problems = flatten(errors);
  return DomainError.invalid('validation_failed', problems.join('; '), { fields: errors.map((e) => e.property) });
}
