/** A refusal of the API, with its status and body (which never carries a secret). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what}: ${status} ${body.slice(0, 500)}`);
  }
}

/** The public REST API, called as the editor or an API client would, with a bearer token. */
export class VestnikClient {
  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  as(token: string): VestnikClient {
    return new VestnikClient(this.baseUrl, token);
  }

  get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path);
  }

  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this.call<T>('POST', path, body);
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.call<T>('PATCH', path, body);
  }

  delete<T>(path: string): Promise<T> {
    return this.call<T>('DELETE', path);
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...this.auth() },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    return this.answer<T>(res, `${method} ${path}`);
  }

  /** `POST /media`: a file as a browser form sends it. */
  async upload<T>(organizationId: string, fileName: string, mimeType: string, bytes: Buffer): Promise<T> {
    const form = new FormData();
    form.append('organizationId', organizationId);
    form.append('file', new Blob([new Uint8Array(bytes)], { type: mimeType }), fileName);
    const res = await fetch(`${this.baseUrl}/api/v1/media`, { method: 'POST', headers: this.auth(), body: form, signal: AbortSignal.timeout(60_000) });
    return this.answer<T>(res, 'POST /media');
  }

  private auth(): Record<string, string> {
    return this.token ? { authorization: `Bearer ${this.token}` } : {};
  }

  private async answer<T>(res: Response, what: string): Promise<T> {
    const text = await res.text();
    if (!res.ok) throw new ApiError(res.status, text, what);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
