export interface ApiResponse<T = any> {
  status: number;
  /** Parsed when the answer is JSON, the text otherwise. */
  body: T;
  /** Names lower-case, as fetch gives them. */
  headers: Record<string, string>;
  text: string;
}

export interface ApiRequestOptions {
  token?: string;
  /**
   * Sent as JSON; a string is sent as it is (broken JSON on purpose, say), still as application/json unless
   * `headers` names another content-type.
   */
  body?: unknown;
  headers?: Record<string, string>;
}

/** A file as a browser uploads it: multipart/form-data with the file in the field `file`. */
export interface FileUpload {
  bytes: Uint8Array | string;
  name: string;
  type: string;
}

export interface Download {
  status: number;
  bytes: Buffer;
  headers: Record<string, string>;
  text: string;
}

const authorization = (token: string | undefined): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

/** What fixtures need of a client: one API's, or one spread over several (the resilience suite's). */
export abstract class ApiCaller {
  abstract request<T = any>(method: string, path: string, options?: ApiRequestOptions): Promise<ApiResponse<T>>;

  /** Like request, but throws unless the status is the expected one, naming the request and the answer. */
  async expect<T = any>(status: number, method: string, path: string, options: ApiRequestOptions = {}): Promise<T> {
    const response = await this.request<T>(method, path, options);
    if (response.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${response.status} ${response.text.slice(0, 500)}`);
    return response.body;
  }

  async login(email: string, password: string): Promise<string> {
    const { accessToken } = await this.expect<{ accessToken: string }>(200, 'POST', '/api/auth/login', { body: { email, password } });
    return accessToken;
  }
}

/** An HTTP client for one API: the in-process test app's or a process started from the build. */
export class ApiClient extends ApiCaller {
  constructor(readonly baseUrl: string) {
    super();
  }

  async request<T = any>(method: string, path: string, { token, body, headers = {} }: ApiRequestOptions = {}): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { ...authorization(token), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return answer<T>(response, await response.text());
  }

  async upload<T = any>(path: string, file: FileUpload, { token, method = 'POST' }: { token?: string; method?: string } = {}): Promise<ApiResponse<T>> {
    const form = new FormData();
    // A copy on its own ArrayBuffer, as Blob takes (a Buffer may sit on a shared pool).
    const content = typeof file.bytes === 'string' ? file.bytes : new Uint8Array(file.bytes);
    form.append('file', new Blob([content], { type: file.type }), file.name);
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers: authorization(token), body: form });
    return answer<T>(response, await response.text());
  }

  /** The answer as bytes, which request (reading text) would mangle. */
  async download(path: string, token?: string): Promise<Download> {
    const response = await fetch(`${this.baseUrl}${path}`, { headers: authorization(token) });
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, bytes, headers: Object.fromEntries(response.headers.entries()), text: bytes.toString('utf8') };
  }
}

function answer<T>(response: Response, text: string): ApiResponse<T> {
  const json = (response.headers.get('content-type') ?? '').includes('json') && text;
  return { status: response.status, body: json ? JSON.parse(text) : text, headers: Object.fromEntries(response.headers.entries()), text };
}
