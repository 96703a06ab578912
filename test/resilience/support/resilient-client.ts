import { type ApiCaller, type ApiRequestOptions, type ApiResponse, ApiClient } from '../../../bench/support/api-client.js';
import { sleep } from '../../../bench/support/app-process.js';
import type { AppCluster } from '../../../bench/support/app-cluster.js';

const ATTEMPTS = 40;

/**
 * Spreads requests over the cluster's APIs as a load balancer would, and when one is down (restarting) tries the
 * next. A request whose connection broke may or may not have been carried out, so the checks read the outcome
 * from the database rather than trusting the client's view.
 */
export class ResilientClient implements ApiCaller {
  readonly answers: { method: string; path: string; status: number; text: string }[] = [];
  /** Requests tried again on another API: the connection failed, or a closing server answered 503 unprocessed. */
  retries = 0;
  private next = 0;

  constructor(private readonly cluster: AppCluster) {}

  async request<T = any>(method: string, path: string, options: ApiRequestOptions = {}): Promise<ApiResponse<T>> {
    for (let attempt = 1; ; attempt++) {
      const api = this.cluster.apis[this.next++ % this.cluster.apis.length];
      const response = await new ApiClient(api.baseUrl).request<T>(method, path, options).catch(() => undefined);
      // Fastify answers 503 before routing while it closes (an API restarting): nothing was carried out.
      const unavailable = response === undefined || (response.status === 503 && !api.serving);
      if (!unavailable) {
        this.answers.push({ method, path, status: response.status, text: response.text.slice(0, 300) });
        return response;
      }
      this.retries += 1;
      if (attempt >= ATTEMPTS) throw new Error(`${method} ${path}: no API answered after ${ATTEMPTS} attempts`);
      await sleep(100);
    }
  }

  async expect<T = any>(status: number, method: string, path: string, options: ApiRequestOptions = {}): Promise<T> {
    const response = await this.request<T>(method, path, options);
    if (response.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${response.status} ${response.text.slice(0, 300)}`);
    return response.body;
  }

  get serverErrors(): string[] {
    return this.answers.filter((answer) => answer.status >= 500).map((answer) => `${answer.status} ${answer.method} ${answer.path}: ${answer.text}`);
  }
}
