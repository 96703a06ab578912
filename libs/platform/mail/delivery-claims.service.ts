import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { DeliveryRepository } from './delivery.repository.js';

/** A renewal failing this long is logged again, rather than every DELIVERY_LEASE_RENEWAL_MS. */
const RENEWAL_FAILURE_LOG_INTERVAL_MS = 30_000;

/**
 * The claims on deliveries this process is sending, and their heartbeat: every DELIVERY_LEASE_RENEWAL_MS one
 * statement extends all their leases by DELIVERY_LEASE_MS. A claim lives as long as its worker does; a dead or
 * stopped worker's claims run out one lease after their last renewal, and another worker takes the e-mails over.
 */
@Injectable()
export class DeliveryClaims implements OnApplicationShutdown {
  /** Names this process on the claims it holds (`delivery.claimed_by`): host, pid and a random part, unique across restarts. */
  readonly holder = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private readonly logger = new Logger('DeliveryClaims');
  private readonly leaseMs: number;
  private readonly renewalMs: number;
  /** Each claim held, with when (performance.now()) its lease ends at the latest, counted from the statement that set it. */
  private readonly held = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private renewing: Promise<void> | undefined;
  private stopped = false;
  private failingSince: number | null = null;
  private failureLoggedAt = 0;

  constructor(
    private readonly ledger: DeliveryRepository,
    config: AppConfig,
  ) {
    this.leaseMs = config.DELIVERY_LEASE_MS;
    this.renewalMs = config.DELIVERY_LEASE_RENEWAL_MS;
  }

  /** The time to pass to `hold`: taken before the statement that claims, so the lease is never thought longer than it is. */
  now(): number {
    return performance.now();
  }

  /** Starts renewing a claim this process took with a statement issued at `claimedAt` (from `now()`). */
  hold(id: string, claimedAt: number): void {
    this.held.set(id, claimedAt + this.leaseMs);
    if (!this.timer && !this.stopped) {
      this.timer = setInterval(() => void this.renewOnce(), this.renewalMs);
      // The heartbeat never keeps a process alive that has nothing else to do.
      this.timer.unref();
    }
  }

  /**
   * Whether the claim is surely still this process's: held, not found lost by a renewal, and with more than a quarter
   * of its lease left by this process's own count. Renewed on time a claim keeps at least half (DELIVERY_LEASE_RENEWAL_MS
   * is at most half the lease); one with less belongs to a process that was stopped, or could not reach the database
   * to renew, and may have lost it without knowing.
   */
  holds(id: string): boolean {
    const until = this.held.get(id);
    return until !== undefined && until - performance.now() > this.leaseMs / 4;
  }

  /** Stops renewing the claim: its outcome is recorded, or it is left to run out. */
  release(id: string): void {
    this.held.delete(id);
  }

  private renewOnce(): Promise<void> {
    if (this.renewing || this.held.size === 0) return this.renewing ?? Promise.resolve();
    this.renewing = this.renew().finally(() => (this.renewing = undefined));
    return this.renewing;
  }

  private async renew(): Promise<void> {
    const ids = [...this.held.keys()];
    const issuedAt = performance.now();
    try {
      const renewed = await this.ledger.renewClaims(ids, this.holder, this.leaseMs);
      for (const id of ids) {
        if (!this.held.has(id)) continue;
        // Not renewed: its outcome was recorded meanwhile, or its lease ran out and another worker took it over.
        if (renewed.has(id)) this.held.set(id, issuedAt + this.leaseMs);
        else this.held.delete(id);
      }
      if (this.failingSince !== null) this.logger.log(`Renewing delivery claims again after ${Math.round(performance.now() - this.failingSince)} ms of failures`);
      this.failingSince = null;
    } catch (error) {
      // The database away: the claims run out on their own if it stays away; the next tick tries again.
      this.failingSince ??= issuedAt;
      if (performance.now() - this.failureLoggedAt >= RENEWAL_FAILURE_LOG_INTERVAL_MS) {
        this.failureLoggedAt = performance.now();
        this.logger.warn(`Could not renew the claims of ${ids.length} deliveries being sent (trying again every ${this.renewalMs} ms): ${(error as Error).message ?? error}`);
      }
    }
  }

  /**
   * After the queue processors finished their jobs in flight (beforeApplicationShutdown), whose claims must live
   * until then: only now does the heartbeat stop.
   */
  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.renewing;
  }
}
