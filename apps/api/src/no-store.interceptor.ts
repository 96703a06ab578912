import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import type { Observable } from 'rxjs';
import { IS_PUBLIC } from '@app/access';

/**
 * Every answer of a route that needs a login says `Cache-Control: no-store`, so no browser or proxy keeps what a
 * member read; a handler that sets its own Cache-Control (members' Bilag: `private, no-store`) keeps it. Routes
 * marked @Public() keep their own caching.
 */
@Injectable()
export class NoStoreInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (!isPublic && context.getType() === 'http') context.switchToHttp().getResponse<FastifyReply>().header('cache-control', 'no-store');
    return next.handle();
  }
}
