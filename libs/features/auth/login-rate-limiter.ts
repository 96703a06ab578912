import { Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '@app/config';
import { InjectRedis } from '@app/core';
import { DomainError } from '@app/domain';

const WINDOW_SECONDS = 60;
const RESET_WINDOW_SECONDS = 3600;

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
    const pipeline = this.redis.multi();
    for (const [key] of [first, second]) pipeline.incr(key).expire(key, windowSeconds, 'NX');
    const results = (await pipeline.exec()) ?? [];
    return Number(results[0]?.[1]) > first[1] || Number(results[2]?.[1]) > second[1];
  }
}
