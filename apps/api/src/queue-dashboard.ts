import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AuditService } from '@app/audit';
import { BASIC_CHALLENGE, BrowserAdminAuth } from '@app/auth';
import { internalErrorBody, toHttpError } from '@app/core';
import { DASHBOARD_QUEUES } from './queue-dashboard.module.js';

export const QUEUE_DASHBOARD_PATH = '/api/admin/queues';

/**
 * Bull Board at /api/admin/queues, for administrators. Read-only: PostgreSQL is the truth of every job, so retrying
 * or removing a job in Redis would change nothing that matters (a finished outbox row is not run again) and could
 * hide what happened; the outbox and GET /api/meetings/:id/deliveries tell what was sent.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const queues = app.get<Queue[]>(DASHBOARD_QUEUES);
  const auth = app.get(BrowserAdminAuth);
  const audit = app.get(AuditService);
  const board = new FastifyAdapter();
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: true })),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'Udvalgsarbejde' } },
  });

  const refuse = async (request: FastifyRequest, reply: FastifyReply, error: unknown) => {
    const body = toHttpError(error) ?? internalErrorBody();
    if (body.statusCode === 401) reply.header('www-authenticate', BASIC_CHALLENGE);
    if (body.statusCode === 429 && body.details?.retryAfterSeconds) reply.header('retry-after', String(body.details.retryAfterSeconds));
    if ([401, 403, 429].includes(body.statusCode)) {
      await audit
        .recordStandalone({ action: 'request.refused', entityType: 'request', statusCode: body.statusCode, details: { code: body.code, message: body.message, path: request.url } })
        .catch(() => undefined);
    }
    await reply.status(body.statusCode).send(body);
  };

  await app.register(async (scope: FastifyInstance) => {
    // Inside this plugin only: the hook guards the dashboard's pages, assets and API, and nothing else.
    scope.addHook('onRequest', async (request, reply) => {
      reply.header('cache-control', 'no-store');
      try {
        const session = await auth.authenticate(request, QUEUE_DASHBOARD_PATH);
        if (session.setCookie) reply.header('set-cookie', session.setCookie);
      } catch (error) {
        await refuse(request, reply, error);
      }
    });
    await scope.register(board.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
  });
}
