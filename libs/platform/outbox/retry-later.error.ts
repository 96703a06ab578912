/**
 * Thrown by a handler that cannot run yet through no fault of its own (another worker holds the delivery).
 * The job is put back until `retryAt` without spending one of its attempts.
 */
export class RetryLaterError extends Error {
  constructor(
    message: string,
    readonly retryAt: Date,
  ) {
    super(message);
    this.name = 'RetryLaterError';
  }
}
