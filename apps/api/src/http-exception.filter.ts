import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuditService } from '@app/audit';
import { internalErrorBody, RequestContext, toHttpError } from '@app/core';

const REFUSALS = new Set([401, 403, 429]);

/** The one place where errors become HTTP answers; refused requests are written to the audit trail. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  constructor(private readonly audit: AuditService) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const body = toHttpError(exception) ?? internalErrorBody();
    if (body.statusCode === 503) {
      this.logger.warn(`${body.code}: ${exception instanceof Error ? exception.message : String(exception)}`);
      reply.header('retry-after', String(body.details?.retryAfterSeconds));
    } else if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    if (REFUSALS.has(body.statusCode)) {
      const refusal = { action: 'request.refused', entityType: 'request', statusCode: body.statusCode, details: { code: body.code, message: body.message } };
      // A caller without a login is counted per address and minute, so a flood of bad tokens cannot grow the trail.
      await (RequestContext.current()?.actor ? this.audit.recordStandalone(refusal) : this.audit.recordAnonymousRefusal(refusal))
        .catch((error: Error) => this.logger.error(`Could not audit a refused request: ${error.message}`));
      if (body.statusCode === 429 && body.details?.retryAfterSeconds) reply.header('retry-after', String(body.details.retryAfterSeconds));
    }
    // No cache keeps a refusal or a failure: one refused before the handler ran (no login, no CSRF token) would
    // otherwise carry no Cache-Control at all.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    reply.header('x-request-id', request.id);
    await reply.status(body.statusCode).send(body);
  }
}
