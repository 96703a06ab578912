import { Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '@app/config';
import { InjectRedis } from '@app/core';
import { DomainError } from '@app/domain';

const WINDOW_SECONDS = 60;

/**
 * Counts login attempts per e-mail and per client address in Redis, shared by every API process;
 * past the limit the caller gets 429 until the minute is over. A successful login does not reset the count.
 */
@Injectable()
export class LoginRateLimiter {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  async consume(email: string, ip: string): Promise<void> {
    const keys = [`login:email:${email}`, `login:ip:${ip}`];
    const limits = [this.config.LOGIN_ATTEMPTS_PER_MINUTE, this.config.LOGIN_ATTEMPTS_PER_MINUTE * 4];
    const pipeline = this.redis.multi();
    for (const key of keys) pipeline.incr(key).expire(key, WINDOW_SECONDS, 'NX');
    const results = (await pipeline.exec()) ?? [];
    const counts = [Number(results[0]?.[1]), Number(results[2]?.[1])];
    if (counts.some((count, i) => count > limits[i])) {
      throw new DomainError('rate-limited', 'too_many_login_attempts', `Too many login attempts; wait a minute and try again`, {
        retryAfterSeconds: WINDOW_SECONDS,
      });
    }
  }
}
