/**
 * Thrown by a handler whose work failed for a passing reason (a mail server refusing a connection or answering
 * 4xx): the job is tried again later, within DELIVERY_RETRY_WINDOW, without spending one of its attempts.
 */
export class TransientFailureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransientFailureError';
  }
}
