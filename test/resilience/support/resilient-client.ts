import { type ApiRequestOptions, type ApiResponse, ApiCaller, ApiClient, type AppCluster, sleep } from '@app/test-kit';

const ATTEMPTS = 40;

/**
 * Spreads requests over the cluster's APIs as a load balancer would, and when one is down (restarting) tries the
 * next. A request whose connection broke may or may not have been carried out, so the checks read the outcome
 * from the database rather than trusting the client's view.
 */
export class ResilientClient extends ApiCaller {
  readonly answers: { method: string; path: string; status: number; text: string }[] = [];
  /** Requests tried again on another API: the connection failed, or a closing server answered 503 unprocessed. */
  retries = 0;
  private next = 0;

  constructor(private readonly cluster: AppCluster) {
    super();
  }

  async request<T = any>(method: string, path: string, options: ApiRequestOptions = {}): Promise<ApiResponse<T>> {
    let failure = '';
    for (let attempt = 1; ; attempt++) {
      const api = this.cluster.apis[this.next++ % this.cluster.apis.length];
      const response = await new ApiClient(api.baseUrl).request<T>(method, path, options).catch((error: Error) => {
        failure = `${api.options.name}: ${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}`;
        return undefined;
      });
      // Fastify answers 503 before routing while it closes (an API restarting): nothing was carried out.
      const unavailable = response === undefined || (response.status === 503 && !api.serving);
      if (!unavailable) {
        this.answers.push({ method, path, status: response.status, text: response.text.slice(0, 300) });
        return response;
      }
      this.retries += 1;
      if (attempt >= ATTEMPTS) throw new Error(`${method} ${path}: no API answered after ${ATTEMPTS} attempts; last, ${failure || 'a 503 from an API stopping'}`);
      await sleep(100);
    }
  }

  get serverErrors(): string[] {
    return this.answers.filter((answer) => answer.status >= 500).map((answer) => `${answer.status} ${answer.method} ${answer.path}: ${answer.text}`);
  }
}
