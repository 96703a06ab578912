import { Injectable, Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '@app/config';
import { InjectRedis } from '@app/core';
import { DomainError } from '@app/domain';

const WINDOW_SECONDS = 60;
/** Past this, Redis counts as unreachable for this attempt, so a login never hangs on it. */
const REDIS_TIMEOUT_MS = 1_000;
/** The in-process fallback's bound: the keys of the busiest minute are kept, a flood of new keys evicts the oldest. */
const FALLBACK_MAX_KEYS = 10_000;

/**
 * Counts per key within the current minute, in this process only: the login limit while Redis is unreachable.
 * A Map keeps insertion order, so the first key is the oldest one to evict when the bound is reached.
 */
class InProcessCounter {
  private readonly counts = new Map<string, { count: number; until: number }>();

  increment(key: string, now: number): number {
    const current = this.counts.get(key);
    if (current && current.until > now) {
      current.count += 1;
      return current.count;
    }
    this.counts.delete(key);
    if (this.counts.size >= FALLBACK_MAX_KEYS) this.counts.delete(this.counts.keys().next().value as string);
    this.counts.set(key, { count: 1, until: now + WINDOW_SECONDS * 1_000 });
    return 1;
  }
}

/**
 * Counts login attempts per e-mail and per client address in Redis, shared by every API process;
 * past the limit the caller gets 429 until the minute is over. A successful login does not reset the count.
 * While Redis is unreachable the counts are kept in this process (bounded), so logins go on and are still limited.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly logger = new Logger('LoginRateLimiter');
  private readonly fallback = new InProcessCounter();
  private warnedAt = 0;

  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  async consume(email: string, ip: string): Promise<void> {
    const keys = [`login:email:${email}`, `login:ip:${ip}`];
    const limits = [this.config.LOGIN_ATTEMPTS_PER_MINUTE, this.config.LOGIN_ATTEMPTS_PER_MINUTE * 4];
    const counts = await this.countInRedis(keys).catch((error: Error) => {
      this.warnOfFallback(error);
      const now = Date.now();
      return keys.map((key) => this.fallback.increment(key, now));
    });
    if (counts.some((count, i) => count > limits[i])) {
      throw new DomainError('rate-limited', 'too_many_login_attempts', `Too many login attempts; wait a minute and try again`, {
        retryAfterSeconds: WINDOW_SECONDS,
      });
    }
  }

  private async countInRedis(keys: string[]): Promise<number[]> {
    const pipeline = this.redis.multi();
    for (const key of keys) pipeline.incr(key).expire(key, WINDOW_SECONDS, 'NX');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${REDIS_TIMEOUT_MS} ms`)), REDIS_TIMEOUT_MS);
    });
    try {
      const results = (await Promise.race([pipeline.exec(), timeout])) ?? [];
      const failed = results.find(([error]) => error);
      if (failed) throw failed[0] as Error;
      return [Number(results[0]?.[1]), Number(results[2]?.[1])];
    } finally {
      clearTimeout(timer);
    }
  }

  /** Once a minute at most, so an outage does not flood the log. */
  private warnOfFallback(error: Error): void {
    if (Date.now() - this.warnedAt < WINDOW_SECONDS * 1_000) return;
    this.warnedAt = Date.now();
    this.logger.warn(`Redis is unreachable (${error.message}): login attempts are limited in this process only until it is back`);
  }
}
