/** Waiting for a free SMTP connection took longer than a delivery may wait; the attempt fails and is retried. */
export class NoFreeConnectionError extends Error {}

interface Waiter {
  urgent: boolean;
  grant: () => void;
  timer: NodeJS.Timeout;
}

/**
 * Hands out as many turns as the SMTP pool has connections, each wait bounded. Without it more jobs than connections
 * would queue inside the mail library with no time limit. `reservedForUrgent` of them only urgent mail may use:
 * bulk mail (an agenda round) holds at most the rest, so a password link never waits behind a round of 500.
 * Urgent waiters are served first, then bulk ones, each in order of asking.
 */
export class ConnectionSlots {
  private busy = 0;
  private busyWithBulk = 0;
  private readonly waiting: Waiter[] = [];

  constructor(
    private readonly slots: number,
    private readonly reservedForUrgent = 0,
  ) {
    if (reservedForUrgent >= slots && slots > 0) throw new Error(`Keeping ${reservedForUrgent} of ${slots} SMTP connections for urgent mail leaves bulk mail none`);
  }

  /** Resolves with the function that gives the slot back; rejects with NoFreeConnectionError after `timeoutMs`. */
  acquire(timeoutMs: number, urgent = false): Promise<() => void> {
    if (this.mayTake(urgent) && !this.waiting.some((waiter) => waiter.urgent || !urgent)) return Promise.resolve(this.take(urgent));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        urgent,
        grant: () => {
          clearTimeout(waiter.timer);
          resolve(this.take(urgent));
        },
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          reject(new NoFreeConnectionError(`No SMTP connection came free within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      this.waiting.push(waiter);
    });
  }

  private mayTake(urgent: boolean): boolean {
    return this.busy < this.slots && (urgent || this.busyWithBulk < this.slots - this.reservedForUrgent);
  }

  private take(urgent: boolean): () => void {
    this.busy += 1;
    if (!urgent) this.busyWithBulk += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.busy -= 1;
      if (!urgent) this.busyWithBulk -= 1;
      this.grantNext();
    };
  }

  private grantNext(): void {
    const next = this.waiting.find((waiter) => waiter.urgent && this.mayTake(true)) ?? this.waiting.find((waiter) => !waiter.urgent && this.mayTake(false));
    if (!next) return;
    this.waiting.splice(this.waiting.indexOf(next), 1);
    next.grant();
  }
}
