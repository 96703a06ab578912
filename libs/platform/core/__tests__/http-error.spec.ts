import { BadRequestException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainError } from '@app/domain';
import { toHttpError } from '../http-error.js';

const dbError = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new QueryFailedError('SELECT 1', [], new Error('db')), { code, ...extra });

describe('mapping errors to the API contract', () => {
  it.each([
    [DomainError.invalid('validation_failed', 'Bad input'), 400, 'validation_failed'],
    [DomainError.notFound('meeting', 'x'), 404, 'meeting_not_found'],
    [DomainError.conflict('membership_overlaps', 'Overlaps'), 409, 'membership_overlaps'],
    [DomainError.forbidden(), 403, 'forbidden'],
    [new DomainError('rate-limited', 'too_many_login_attempts', 'Wait'), 429, 'too_many_login_attempts'],
    [new BadRequestException('nope'), 400, 'bad_request'],
    [new NotFoundException(), 404, 'not_found'],
    [dbError('23505', { constraint: 'person_email_unique' }), 409, 'conflict'],
    [dbError('23P01'), 409, 'conflict'],
    [dbError('23503'), 404, 'referenced_record_not_found'],
    [dbError('23502', { column: 'title' }), 400, 'missing_value'],
    [dbError('23514'), 400, 'rule_violated'],
    [dbError('22P02'), 400, 'invalid_value'],
    [Object.assign(new Error('Body is too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' }), 413, 'fst_err_ctp_body_too_large'],
  ])('%s -> %i %s', (error, status, code) => {
    expect(toHttpError(error)).toMatchObject({ statusCode: status, code });
  });

  it('never passes PostgreSQL\'s own text to the client', () => {
    const leaky = Object.assign(new QueryFailedError('SELECT 1', [], new Error('invalid input syntax for type uuid: "x"')), { code: '22P02' });
    expect(toHttpError(leaky)).toEqual({ statusCode: 400, error: 'Bad Request', code: 'invalid_value', message: 'A value has the wrong form for its field' });
    const nul = Object.assign(new QueryFailedError('SELECT 1', [], new Error('invalid byte sequence for encoding "UTF8": 0x00')), { code: '22021' });
    expect(toHttpError(nul)).toMatchObject({ statusCode: 400, code: 'invalid_text' });
    expect(toHttpError(nul)?.message).not.toMatch(/UTF8|0x00/);
  });

  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a refused connection to every address', new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })])],
    ['a server shutting down', dbError('57P01')],
    ['a server starting up', dbError('57P03')],
    ['a connection exception', dbError('08006')],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['no connection in time', new Error('timeout exceeded when trying to connect')],
    // A pooled connection handed out just as the server ended it.
    ['a connection that failed after it was handed out', new Error('Client has encountered a connection error and is not queryable')],
    ['a closed connection', new Error('Client was closed and is not queryable')],
  ])('answers %s with 503 database_unavailable and when to retry', (_, error) => {
    expect(toHttpError(error)).toMatchObject({ statusCode: 503, code: 'database_unavailable', details: { retryAfterSeconds: 5 } });
  });

  it('leaves unexpected failures to the caller as a 500', () => {
    expect(toHttpError(new Error('boom'))).toBeNull();
    expect(toHttpError(dbError('XX000'))).toBeNull();
  });
});
