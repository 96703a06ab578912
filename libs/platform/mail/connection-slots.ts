/** Waiting for a free SMTP connection took longer than a delivery may wait; the attempt fails and is retried. */
export class NoFreeConnectionError extends Error {}

/**
 * Hands out as many turns as the SMTP pool has connections, first come first served, each wait bounded. Without it
 * more jobs than connections would queue inside the mail library with no time limit, while their deliveries'
 * leases run: a long wait could outlive a lease and let another worker send the same e-mail.
 */
export class ConnectionSlots {
  private free: number;
  private readonly waiting: { grant: () => void; timer: NodeJS.Timeout }[] = [];

  constructor(slots: number) {
    this.free = slots;
  }

  /** Resolves with the function that gives the slot back; rejects with NoFreeConnectionError after `timeoutMs`. */
  acquire(timeoutMs: number): Promise<() => void> {
    if (this.free > 0) {
      this.free -= 1;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          clearTimeout(waiter.timer);
          resolve(this.releaser());
        },
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          reject(new NoFreeConnectionError(`No SMTP connection came free within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      this.waiting.push(waiter);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next.grant();
      else this.free += 1;
    };
  }
}
