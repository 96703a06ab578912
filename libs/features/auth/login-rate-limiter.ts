import { Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '@app/config';
import { InjectRedis, RateCounter } from '@app/core';
import { DomainError } from '@app/domain';

const WINDOW_SECONDS = 60;
const RESET_WINDOW_SECONDS = 3600;

/**
 * Counts login attempts per e-mail and per client address in Redis, shared by every API process;
 * past the limit the caller gets 429 until the minute is over. A successful login does not reset the count.
 * While Redis is unreachable the counts are kept in this process (bounded), so logins go on and are still limited.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly counter: RateCounter;

  constructor(
    @InjectRedis() redis: Redis,
    private readonly config: AppConfig,
  ) {
    this.counter = new RateCounter(redis, 'LoginRateLimiter', 'login attempts');
  }

  async consume(email: string, ip: string): Promise<void> {
    const limit = this.config.LOGIN_ATTEMPTS_PER_MINUTE;
    if (await this.counter.exceeds([[`login:email:${email}`, limit], [`login:ip:${ip}`, limit * 4]], WINDOW_SECONDS)) {
      throw new DomainError('rate-limited', 'too_many_login_attempts', `Too many login attempts; wait a minute and try again`, {
        retryAfterSeconds: WINDOW_SECONDS,
      });
    }
  }

  /** Reset e-mails asked for, per address and client within an hour, so nobody can fill someone's inbox. */
  async consumePasswordReset(email: string, ip: string): Promise<void> {
    const limit = this.config.PASSWORD_RESET_REQUESTS_PER_HOUR;
    if (await this.counter.exceeds([[`password-reset:email:${email}`, limit], [`password-reset:ip:${ip}`, limit * 10]], RESET_WINDOW_SECONDS)) {
      throw new DomainError('rate-limited', 'rate_limited', 'Too many requests for a new password; wait and try again later', { retryAfterSeconds: RESET_WINDOW_SECONDS });
    }
  }
}
