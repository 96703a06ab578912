import { Injectable, Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '@app/config';
import { InjectRedis } from '@app/core';
import { DomainError } from '@app/domain';

const WINDOW_SECONDS = 60;
const RESET_WINDOW_SECONDS = 3600;
/** Past this, Redis counts as unreachable for this attempt, so a login never hangs on it. */
const REDIS_TIMEOUT_MS = 1_000;
/** The in-process fallback's bound: the keys of the busiest window are kept, a flood of new keys evicts the oldest. */
const FALLBACK_MAX_KEYS = 10_000;

/**
 * Counts per key within its window, in this process only: the limits while Redis is unreachable. A Map keeps
 * insertion order, so the first key is the oldest one to evict when the bound is reached.
 */
class InProcessCounter {
  private readonly counts = new Map<string, { count: number; until: number }>();

  increment(key: string, windowSeconds: number, now: number): number {
    const current = this.counts.get(key);
    if (current && current.until > now) {
      current.count += 1;
      return current.count;
    }
    this.counts.delete(key);
    if (this.counts.size >= FALLBACK_MAX_KEYS) this.counts.delete(this.counts.keys().next().value as string);
    this.counts.set(key, { count: 1, until: now + windowSeconds * 1_000 });
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
    const limit = this.config.LOGIN_ATTEMPTS_PER_MINUTE;
    if (await this.exceeds([`login:email:${email}`, limit], [`login:ip:${ip}`, limit * 4], WINDOW_SECONDS)) {
      throw new DomainError('rate-limited', 'too_many_login_attempts', `Too many login attempts; wait a minute and try again`, {
        retryAfterSeconds: WINDOW_SECONDS,
      });
    }
  }

  /** Reset e-mails asked for, per address and client within an hour, so nobody can fill someone's inbox. */
  async consumePasswordReset(email: string, ip: string): Promise<void> {
    const limit = this.config.PASSWORD_RESET_REQUESTS_PER_HOUR;
    if (await this.exceeds([`password-reset:email:${email}`, limit], [`password-reset:ip:${ip}`, limit * 10], RESET_WINDOW_SECONDS)) {
      throw new DomainError('rate-limited', 'rate_limited', 'Too many requests for a new password; wait and try again later', { retryAfterSeconds: RESET_WINDOW_SECONDS });
    }
  }

  /** Counts one more of each key within the window; true when any is past its limit. */
  private async exceeds(first: [string, number], second: [string, number], windowSeconds: number): Promise<boolean> {
    const keys = [first[0], second[0]];
    const counts = await this.countInRedis(keys, windowSeconds).catch((error: Error) => {
      this.warnOfFallback(error);
      const now = Date.now();
      return keys.map((key) => this.fallback.increment(key, windowSeconds, now));
    });
    return counts[0] > first[1] || counts[1] > second[1];
  }

  private async countInRedis(keys: string[], windowSeconds: number): Promise<number[]> {
    const pipeline = this.redis.multi();
    for (const key of keys) pipeline.incr(key).expire(key, windowSeconds, 'NX');
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
