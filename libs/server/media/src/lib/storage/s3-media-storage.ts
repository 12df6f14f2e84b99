import type { S3Config } from '@vestnik/server/config';
import { assertStorageKey, MediaStorage, StoredObjectMissingError } from './media-storage';
import { sha256Hex, signV4, uriEncode } from './sigv4';

export interface S3MediaStorageOptions {
  fetch?: typeof fetch;
  now?: () => Date;
  timeoutMs?: number;
}

/** A failed call to the object store; names the operation and the store's error code, never a credential. */
export class S3RequestError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly s3Code: string | null,
  ) {
    super(`S3 ${operation} failed: HTTP ${status}${s3Code ? ` ${s3Code}` : ''}`);
    this.name = 'S3RequestError';
  }
}

/** The object's URL: `https://bucket.endpoint/key`, or `https://endpoint/bucket/key` with path style. */
export function s3ObjectUrl(config: Pick<S3Config, 'endpoint' | 'bucket' | 'forcePathStyle'>, key: string): URL {
  assertStorageKey(key);
  const base = new URL(config.endpoint);
  const path = key.split('/').map(uriEncode).join('/');
  return config.forcePathStyle ? new URL(`${base.origin}/${uriEncode(config.bucket)}/${path}`) : new URL(`${base.protocol}//${config.bucket}.${base.host}/${path}`);
}

/**
 * Any S3-compatible store (AWS, Yandex Object Storage, VK Cloud, MinIO), spoken to with plain
 * fetch and requests signed with Signature Version 4; the payload hash is sent and signed.
 */
export class S3MediaStorage implements MediaStorage {
  private readonly fetch: typeof fetch;
  private readonly now: () => Date;
  private readonly timeoutMs: number;

  constructor(
    private readonly config: S3Config,
    options: S3MediaStorageOptions = {},
  ) {
    this.fetch = options.fetch ?? fetch;
    this.now = options.now ?? (() => new Date());
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const res = await this.send('PUT', key, bytes, contentType);
    if (!res.ok) throw await this.failure('PUT', res);
    await res.arrayBuffer();
  }

  async get(key: string): Promise<Buffer> {
    const res = await this.send('GET', key);
    if (res.status === 404) {
      await res.arrayBuffer();
      throw new StoredObjectMissingError(key);
    }
    if (!res.ok) throw await this.failure('GET', res);
    return Buffer.from(await res.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    const res = await this.send('DELETE', key);
    if (!res.ok && res.status !== 404) throw await this.failure('DELETE', res);
    await res.arrayBuffer();
  }

  private async send(method: 'GET' | 'PUT' | 'DELETE', key: string, body?: Buffer, contentType?: string): Promise<Response> {
    const url = s3ObjectUrl(this.config, key);
    const payloadHash = sha256Hex(body ?? '');
    const headers: Record<string, string> = { 'x-amz-content-sha256': payloadHash };
    if (contentType) headers['content-type'] = contentType;
    const signed = signV4({ method, url, headers, payloadHash }, this.config, { region: this.config.region, service: 's3' }, this.now());
    return this.fetch(url, {
      method,
      headers: { ...headers, ...signed.headers },
      body: body ? new Uint8Array(body) : undefined, // a copy typed as fetch wants it
      signal: AbortSignal.timeout(this.timeoutMs),
    });
  }

  private async failure(operation: string, res: Response): Promise<S3RequestError> {
    const text = await res.text().catch(() => '');
    return new S3RequestError(operation, res.status, /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1] ?? null);
  }
}
