import { createHash, createHmac } from 'node:crypto';

/** AWS Signature Version 4 (header form), as S3 and S3-compatible stores check it. */

export interface SigV4Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface SigV4Request {
  method: string;
  url: URL;
  /** Headers to sign besides `host` and `x-amz-date`, which are always signed. */
  headers: Record<string, string>;
  /** Hex SHA-256 of the body (`EMPTY_PAYLOAD_SHA256` for none). */
  payloadHash: string;
}

export interface SigV4Result {
  /** To send with the request: `x-amz-date` and `authorization`. */
  headers: { 'x-amz-date': string; authorization: string };
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
}

export const EMPTY_PAYLOAD_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();

/** `20130524T000000Z` */
export const amzDate = (date: Date): string => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters, as upper-case %XX. */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function signV4(request: SigV4Request, credentials: SigV4Credentials, scope: { region: string; service: string }, now: Date): SigV4Result {
  const date = amzDate(now);
  const day = date.slice(0, 8);
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(request.headers)) headers.set(name.toLowerCase(), value.trim().replace(/\s+/g, ' '));
  if (!headers.has('host')) headers.set('host', request.url.host);
  headers.set('x-amz-date', date);
  const names = [...headers.keys()].sort();
  const signedHeaders = names.join(';');

  const query = [...request.url.searchParams.entries()]
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : av > bv ? 1 : 0) : ak < bk ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  // S3 signs the path as sent (each segment encoded once); the URL already holds it encoded.
  const path = request.url.pathname || '/';

  const canonicalRequest = [
    request.method.toUpperCase(),
    path,
    query,
    ...names.map((n) => `${n}:${headers.get(n)}`),
    '',
    signedHeaders,
    request.payloadHash,
  ].join('\n');
  const credentialScope = `${day}/${scope.region}/${scope.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', date, credentialScope, sha256Hex(canonicalRequest)].join('\n');

  const signingKey = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), scope.region), scope.service), 'aws4_request');
  const signature = createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
  return {
    headers: {
      'x-amz-date': date,
      authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    },
    canonicalRequest,
    stringToSign,
    signature,
  };
}
