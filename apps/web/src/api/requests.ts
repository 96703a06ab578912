/** What a request without an answer (a lost connection) gives the page: no data, no refusal, status 0. */
const NO_ANSWER = { data: undefined, error: undefined, response: { status: 0, ok: false } } as const;

/**
 * The answer of an API call, or NO_ANSWER when the connection failed, so a form handles a lost connection as a
 * refusal (its message, everything typed kept) instead of an unhandled error.
 */
export function answerOf<T extends { response: Response }>(request: Promise<T>): Promise<T | typeof NO_ANSWER> {
  return request.catch(() => NO_ANSWER);
}
