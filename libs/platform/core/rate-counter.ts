import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';

/** Past this, Redis counts as unreachable for this attempt, so a request never hangs on it. */
const REDIS_TIMEOUT_MS = 1_000;
/** The in-process fallback's bound: the keys of the busiest window are kept, a flood of new keys evicts the oldest. */
const FALLBACK_MAX_KEYS = 10_000;
const WARN_INTERVAL_MS = 60_000;

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

/** A key to count and the most it may reach within the window. */
export type RateLimit = [key: string, limit: number];

/**
 * Fixed-window counters in Redis, shared by every API process. While Redis is unreachable the counts are kept in
 * this process (bounded), so the limits still hold, per process, and the requests go on.
 */
export class RateCounter {
  private readonly logger: Logger;
  private readonly fallback = new InProcessCounter();
  private warnedAt = 0;

  /** `counted` names what is limited, for the log: "login attempts". */
  constructor(
    private readonly redis: Redis,
    loggerName: string,
    private readonly counted: string,
  ) {
    this.logger = new Logger(loggerName);
  }

  /** Counts one more of each key within the window; true when any is past its limit. */
  async exceeds(limits: readonly RateLimit[], windowSeconds: number): Promise<boolean> {
    const keys = limits.map(([key]) => key);
    const counts = await this.countInRedis(keys, windowSeconds).catch((error: Error) => {
      this.warnOfFallback(error);
      const now = Date.now();
      return keys.map((key) => this.fallback.increment(key, windowSeconds, now));
    });
    return limits.some(([, limit], index) => counts[index] > limit);
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
      // Each key answers twice (INCR, then EXPIRE): its count is the first.
      return keys.map((_key, index) => Number(results[index * 2]?.[1]));
    } finally {
      clearTimeout(timer);
    }
  }

  /** Once a minute at most, so an outage does not flood the log. */
  private warnOfFallback(error: Error): void {
    if (Date.now() - this.warnedAt < WARN_INTERVAL_MS) return;
    this.warnedAt = Date.now();
    this.logger.warn(`Redis is unreachable (${error.message}): ${this.counted} are limited in this process only until it is back`);
  }
}
