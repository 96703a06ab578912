import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Redis } from 'ioredis';
import { Public } from '@app/access';
import { InjectRedis } from '@app/core';
import { DatabaseHealth } from '@app/database';

type Check = { status: 'up' | 'down'; latencyMs: number; error?: string };

async function check(probe: () => Promise<unknown>): Promise<Check> {
  const started = performance.now();
  try {
    await Promise.race([probe(), new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 2 s')), 2000))]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: 'down', latencyMs: Math.round(performance.now() - started), error: (error as Error).message };
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: DatabaseHealth,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Whether PostgreSQL and Redis answer' })
  @ApiOkResponse({ description: 'both answer' })
  @ApiServiceUnavailableResponse({ description: 'one of them does not' })
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const [database, redis] = await Promise.all([check(() => this.database.ping()), check(() => this.redis.ping())]);
    const status = database.status === 'up' && redis.status === 'up' ? 'ok' : 'degraded';
    if (status !== 'ok') reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    return { status, checks: { database, redis } };
  }
}
