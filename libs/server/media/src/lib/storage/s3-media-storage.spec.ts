import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import type { S3Config } from '@vestnik/server/config';
import { StoredObjectMissingError } from './media-storage';
import { s3ObjectUrl, S3MediaStorage, S3RequestError } from './s3-media-storage';
import { sha256Hex, signV4 } from './sigv4';

const SECRET = 'test-secret-key/with+characters';

/** A tiny S3 stand-in: keeps objects in memory and checks every request's signature like S3 does. */
function fakeS3(): Promise<{ server: Server; endpoint: string; objects: Map<string, { body: Buffer; type: string }>; refused: string[] }> {
  const objects = new Map<string, { body: Buffer; type: string }>();
  const refused: string[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const problem = checkSignature(req, body);
      if (problem) {
        refused.push(problem);
        res.writeHead(403, { 'content-type': 'application/xml' }).end(`<Error><Code>SignatureDoesNotMatch</Code><Message>${problem}</Message></Error>`);
        return;
      }
      const path = req.url ?? '';
      if (req.method === 'PUT') {
        objects.set(path, { body, type: String(req.headers['content-type']) });
        res.writeHead(200, { etag: `"${sha256Hex(body).slice(0, 32)}"` }).end();
      } else if (req.method === 'GET') {
        const object = objects.get(path);
        if (!object) res.writeHead(404, { 'content-type': 'application/xml' }).end('<Error><Code>NoSuchKey</Code></Error>');
        else res.writeHead(200, { 'content-type': object.type }).end(object.body);
      } else if (req.method === 'DELETE') {
        objects.delete(path);
        res.writeHead(204).end();
      } else {
        res.writeHead(405).end();
      }
    })();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, objects, refused })));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function checkSignature(req: IncomingMessage, body: Buffer): string | null {
  const auth = String(req.headers['authorization'] ?? '');
  const m = /^AWS4-HMAC-SHA256 Credential=test-access-key\/(\d{8})\/ru-central1\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return `malformed Authorization: ${auth}`;
  const signed = m[2].split(';');
  for (const required of ['host', 'x-amz-content-sha256', 'x-amz-date']) if (!signed.includes(required)) return `${required} not signed`;
  if (req.headers['x-amz-content-sha256'] !== sha256Hex(body)) return 'x-amz-content-sha256 differs from the body';
  const date = String(req.headers['x-amz-date']);
  if (!date.startsWith(m[1])) return 'credential date differs from x-amz-date';
  // Recompute from what actually arrived, as the store would.
  const headers = Object.fromEntries(signed.filter((h) => h !== 'x-amz-date').map((h) => [h, String(req.headers[h])]));
  const expected = signV4(
    { method: req.method ?? '', url: new URL(`http://${req.headers.host}${req.url}`), headers, payloadHash: String(req.headers['x-amz-content-sha256']) },
    { accessKeyId: 'test-access-key', secretAccessKey: SECRET },
    { region: 'ru-central1', service: 's3' },
    new Date(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`),
  );
  return expected.signature === m[3] ? null : 'signature does not match';
}

describe('S3MediaStorage', () => {
  let s3: Awaited<ReturnType<typeof fakeS3>>;
  let config: S3Config;

  beforeAll(async () => {
    s3 = await fakeS3();
    config = { endpoint: s3.endpoint, region: 'ru-central1', bucket: 'vestnik-media', accessKeyId: 'test-access-key', secretAccessKey: SECRET, forcePathStyle: true };
  });
  afterAll(() => new Promise<void>((resolve) => s3.server.close(() => resolve())));

  it('puts, gets and deletes objects with signed requests', async () => {
    const storage = new S3MediaStorage(config);
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    await storage.put('images/ab/abcdef', bytes, 'image/png');
    expect(s3.objects.get('/vestnik-media/images/ab/abcdef')).toEqual({ body: bytes, type: 'image/png' });
    expect(await storage.get('images/ab/abcdef')).toEqual(bytes);
    await storage.delete('images/ab/abcdef');
    await expect(storage.get('images/ab/abcdef')).rejects.toBeInstanceOf(StoredObjectMissingError);
    await expect(storage.delete('images/ab/abcdef')).resolves.toBeUndefined();
    expect(s3.refused).toEqual([]);
  });

  it('reports a refused request without revealing the secret', async () => {
    const storage = new S3MediaStorage({ ...config, secretAccessKey: 'wrong-secret' });
    const error = await storage.put('images/ab/x', Buffer.from('x'), 'image/png').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(S3RequestError);
    expect((error as Error).message).toBe('S3 PUT failed: HTTP 403 SignatureDoesNotMatch');
    expect(JSON.stringify(error)).not.toContain('wrong-secret');
    expect(s3.refused.pop()).toBe('signature does not match');
  });

  it('addresses objects in virtual-hosted or path style', () => {
    const base = { endpoint: 'https://storage.yandexcloud.net', bucket: 'vestnik-media' };
    expect(s3ObjectUrl({ ...base, forcePathStyle: false }, 'images/ab/x').toString()).toBe('https://vestnik-media.storage.yandexcloud.net/images/ab/x');
    expect(s3ObjectUrl({ ...base, forcePathStyle: true }, 'images/ab/x').toString()).toBe('https://storage.yandexcloud.net/vestnik-media/images/ab/x');
    expect(() => s3ObjectUrl({ ...base, forcePathStyle: true }, '../x')).toThrow(/storage key/i);
  });
});
