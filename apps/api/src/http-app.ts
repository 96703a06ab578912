import { randomUUID } from 'node:crypto';
import multipart from '@fastify/multipart';
import { type DynamicModule, type INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { AuditService } from '@app/audit';
import type { AppConfig } from '@app/config';
import { ApiValidationPipe, checkedJsonText, PinoNestLogger, refuseMalformedQuery, refuseUnsafeText, RequestContext } from '@app/core';
import { HttpExceptionFilter } from './http-exception.filter.js';
import { isWebAppPath } from './web-app-paths.js';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** A personal calendar address is its own credential: its token never reaches a log line or the audit trail. */
const SECRET_PATH = /^(\/api\/calendar\/)[^/?#]*/;

export function withoutSecrets(url: string): string {
  return url.replace(SECRET_PATH, '$1[hidden]');
}

function createFastifyAdapter(logger: Logger, config: Pick<AppConfig, 'TRUSTED_PROXIES'>): FastifyAdapter {
  // Fastify's own request lines (incoming request, request completed) use this serializer of `req`.
  const requestLogger = logger.child(
    {},
    {
      serializers: {
        req: (request: FastifyRequest) => ({ method: request.method, url: withoutSecrets(request.url), host: request.host, remoteAddress: request.ip, remotePort: request.socket?.remotePort }),
      },
    },
  );
  return new FastifyAdapter({
    loggerInstance: requestLogger,
    requestIdHeader: false,
    // The request id is always the server's own; a client's x-request-id is only kept beside it (clientRequestId).
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    // X-Forwarded-For is believed only from the proxies named in TRUSTED_PROXIES (none by default).
    trustProxy: config.TRUSTED_PROXIES.length > 0 ? config.TRUSTED_PROXIES : false,
  });
}

/** The pages that run their own scripts: the API docs (Swagger UI) and the queue dashboard. */
const UI_PATHS = ['/api/docs', '/api/admin/queues'];

/** Every policy: the two UIs, the web application, and everything else (JSON and user content). */
interface ContentSecurityPolicies {
  ui: string;
  web: string;
  content: string;
}

/**
 * Three policies. Everything but the UIs and the web application — JSON, and the answers that carry user text
 * (minutes HTML, the process-plan SVG, Bilag) — runs no script at all, loads nothing but its own inline styles and
 * images, and may not be framed. The UIs load their own scripts and styles (Swagger UI's inline ones too) and
 * nothing from elsewhere. The web application runs only its own script files (no inline script, no eval), its own
 * style sheets and fonts, talks only to this origin and may not be framed.
 */
function contentSecurityPolicies(servedOverTls: boolean): ContentSecurityPolicies {
  const upgrade = servedOverTls ? ['upgrade-insecure-requests'] : [];
  const join = (directives: string[]) => directives.concat(upgrade).join('; ');
  return {
    ui: join([
      "default-src 'self'",
      "script-src 'self' 'unsafe-inline'",
      "style-src 'self' 'unsafe-inline'",
      "script-src-attr 'none'",
      "img-src 'self' data:",
      "font-src 'self' https: data:",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'self'",
    ]),
    web: join([
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ]),
    content: join(["default-src 'none'", "style-src 'unsafe-inline'", 'img-src data:', "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"]),
  };
}

/** What differs between the API as it runs and as the integration tests start it. */
export interface HttpAppOptions {
  /** The settings the HTTP edge reads (the trusted proxies, whether it is served over TLS). */
  config: Pick<AppConfig, 'TRUSTED_PROXIES' | 'SERVED_OVER_TLS'>;
  /** Serve the Swagger UI page at /api/docs (the JSON document at /api/docs-json is always served). */
  docsUi: boolean;
  /** Serve the queue dashboard at /api/admin/queues; loaded only then, as Jest cannot load its static-file server either. */
  queueDashboard: boolean;
  /** Hold Nest's start-up logs until the logger is in place. */
  bufferLogs?: boolean;
  /**
   * The built web application (a directory holding index.html and assets/) to serve at `/`; loaded only then, as
   * Jest cannot load the static-file server (the built API serves it, and the tests start that).
   */
  webAppDir?: string;
}

/** Which policy an answer gets, by its path. */
function policyFor(url: string, policies: ContentSecurityPolicies): string {
  if (UI_PATHS.some((path) => url.startsWith(path))) return policies.ui;
  return isWebAppPath(url) ? policies.web : policies.content;
}

/** The API application, made the one way main.ts and the integration tests share; not listening yet. */
export async function createHttpApp(
  rootModule: DynamicModule,
  logger: Logger,
  options: HttpAppOptions,
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, createFastifyAdapter(logger, options.config), {
    // Nest's own body parsers are left out, so Fastify parses JSON (its built-in parser, within bodyLimit) and
    // multipart (for Bilag) only: a form-encoded or plain-text body gets 415.
    bodyParser: false,
    logger: new PinoNestLogger(logger),
    bufferLogs: options.bufferLogs ?? false,
  });
  await configureHttpApp(app, options);
  return app;
}

async function configureHttpApp(app: NestFastifyApplication, options: HttpAppOptions): Promise<void> {
  setApiPrefix(app);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeContentTypeParser('text/plain');
  // JSON bodies: valid UTF-8 and nested at most MAX_JSON_DEPTH deep, checked in one cheap pass before parsing (400),
  // then parsed as Fastify does (refusing __proto__ and constructor keys); no string or key may hold a NUL.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = checkedJsonText(body as Buffer);
    } catch (error) {
      done(error as Error, undefined);
      return;
    }
    parseJson(request, text, (error, parsed) => {
      if (error) return done(error, undefined);
      try {
        refuseUnsafeText(parsed, 'The body field');
      } catch (refusal) {
        return done(refusal as Error, undefined);
      }
      done(null, parsed);
    });
  });
  // Helmet's headers, with HSTS only over TLS; the content security policy is chosen per kind of answer below. Built
  // once: @fastify/helmet built helmet's middleware anew for every request.
  const setSecurityHeaders = helmet({ contentSecurityPolicy: false, hsts: options.config.SERVED_OVER_TLS ? { maxAge: 31_536_000, includeSubDomains: true } : false });
  const policies = contentSecurityPolicies(options.config.SERVED_OVER_TLS);
  fastify.addHook('onRequest', (request, reply, done) => {
    setSecurityHeaders(request.raw, reply.raw, () => undefined);
    reply.header('x-request-id', request.id);
    const given = request.headers['x-request-id'];
    const clientRequestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : undefined;
    RequestContext.run({ requestId: request.id, clientRequestId, method: request.method, path: withoutSecrets(request.url), ip: request.ip, sqlStatements: 0 }, () => {
      // A query that is not UTF-8, or a NUL or a lone surrogate in the path or the query, is refused (400) before any route sees it.
      try {
        refuseMalformedQuery(request.url);
        refuseUnsafeText(request.params, 'The path parameter');
        refuseUnsafeText(request.query, 'The query parameter');
      } catch (refusal) {
        return done(refusal as Error);
      }
      done();
    });
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    // How many SQL statements a request ran, so tests and the benchmark can hold reads to a fixed number.
    reply.header('x-sql-statements', String(RequestContext.current()?.sqlStatements ?? 0));
    reply.header('content-security-policy', policyFor(request.url, policies));
    // Every answer to a request the login guard let in (it names the actor on the request) says no-store, so no
    // browser or proxy keeps what a member read; a handler that set its own Cache-Control (members' Bilag:
    // `private, no-store`) keeps it, and routes marked @Public() keep their own caching.
    if ((request as { actor?: unknown }).actor !== undefined && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });
  // Multipart bodies are parsed only when a route asks for its file, which sets its own size limit (Bilag).
  await app.register(multipart, { limits: { files: 1, fields: 10, fieldSize: 10_000 } });
  app.useGlobalPipes(new ApiValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter(app.get(AuditService)));
  app.enableShutdownHooks();

  SwaggerModule.setup('api/docs', app, openApiDocument(app), { jsonDocumentUrl: 'api/docs-json', swaggerUiEnabled: options.docsUi });
  if (options.queueDashboard) await (await import('./queue-dashboard.js')).mountQueueDashboard(app);
  if (options.webAppDir) await (await import('./web-app.js')).mountWebApp(app, options.webAppDir);
}

/** Every route under /api, but OParl's, whose entry point is /oparl/v1.1 beside the API, where open-data clients look. */
export function setApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix('api', { exclude: [{ path: 'oparl/v1.1', method: RequestMethod.GET }, { path: 'oparl/v1.1/*path', method: RequestMethod.GET }] });
}

/**
 * The OpenAPI document of the app's routes (under the `api` prefix), as /api/docs-json serves it; the web client's
 * types are generated from it (`npm run api:types`).
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Udvalgsarbejde API')
      .setDescription(
        'Committee work for Danish municipalities and regions: committees, kommissorier, process plans, meetings, agendas and minutes. ' +
          'Open data: OParl 1.1 at `/oparl/v1.1` (the System object, no login), the public agendas, committees and their politicians (tag `oparl`).',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
}
