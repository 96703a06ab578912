export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export interface ApiRequestOptions {
  token?: string;
  /** Sent as JSON unless it is a string (sent as it is, for bodies that are not JSON on purpose). */
  body?: unknown;
  headers?: Record<string, string>;
}

/** What fixtures need of a client: one API's, or one spread over several. */
export interface ApiCaller {
  request<T = any>(method: string, path: string, options?: ApiRequestOptions): Promise<ApiResponse<T>>;
  expect<T = any>(status: number, method: string, path: string, options?: ApiRequestOptions): Promise<T>;
}

export async function logIn(api: ApiCaller, email: string, password: string): Promise<string> {
  const { accessToken } = await api.expect<{ accessToken: string }>(200, 'POST', '/api/auth/login', { body: { email, password } });
  return accessToken;
}

/** An HTTP client for an API process started by a benchmark or the resilience suite. */
export class ApiClient implements ApiCaller {
  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, { token, body, headers = {} }: ApiRequestOptions = {}): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    const json = (response.headers.get('content-type') ?? '').includes('json') && text;
    return { status: response.status, body: json ? JSON.parse(text) : text, headers: response.headers, text };
  }

  /** Like request, but throws unless the status is the expected one, naming the request and the answer. */
  async expect<T = any>(status: number, method: string, path: string, options: ApiRequestOptions = {}): Promise<T> {
    const response = await this.request<T>(method, path, options);
    if (response.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${response.status} ${response.text.slice(0, 500)}`);
    return response.body;
  }

  login(email: string, password: string): Promise<string> {
    return logIn(this, email, password);
  }
}
