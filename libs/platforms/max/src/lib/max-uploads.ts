import type { AxiosInstance } from 'axios';
import type { LoadedImage } from '@vestnik/platforms/core';
import { classifyHttpStatus, classifyRequestError, redactSecrets } from '@vestnik/platforms/core';
import { callMax, isObject, MAX_TITLE, MaxCallOptions } from './max-api';
import type { MaxErrorOutcome } from './max-errors';

export interface MaxUploadOptions {
  apiUrl: string;
  /** For `POST /uploads` (an API call, under the bot's rate). */
  call: MaxCallOptions;
  uploadTimeoutMs: number;
}

/**
 * MAX's image flow, one image at a time (an upload URL takes one file): `POST /uploads?type=image`
 * → `{url}`; a multipart POST of the bytes in field `data` to that URL → `{photos: {<key>:
 * {token}}}` (or `{token}`); the token goes into the message as `{type: "image", payload: {token}}`.
 * The upload URL is signed and lives on another host, so the bot's token is not sent there.
 * Nothing here creates a message: every failure is safe to retry.
 */
export async function uploadImages(
  http: AxiosInstance,
  images: readonly LoadedImage[],
  o: MaxUploadOptions,
): Promise<{ ok: true; tokens: string[] } | { ok: false; failure: MaxErrorOutcome }> {
  const tokens: string[] = [];
  const readCall: MaxCallOptions = { ...o.call, kind: 'read' };
  for (const image of images) {
    const endpoint = await callMax<{ url?: unknown; token?: unknown }>(http, o.apiUrl, { method: 'POST', path: '/uploads', query: { type: 'image' } }, readCall);
    if (!endpoint.ok) return endpoint;
    const url = endpoint.result.url;
    if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) {
      return { ok: false, failure: { status: 'transient', reason: 'MAX не выдал адрес для загрузки изображения' } };
    }
    const uploaded = await uploadOne(http, url, image, o);
    if (!uploaded.ok) return uploaded;
    const token = uploaded.token ?? (typeof endpoint.result.token === 'string' && endpoint.result.token ? endpoint.result.token : undefined);
    if (!token) return { ok: false, failure: { status: 'rejected', code: 'max:upload', reason: `Сервер загрузки MAX не принял изображение «${image.fileName}»` } };
    tokens.push(token);
  }
  return { ok: true, tokens };
}

async function uploadOne(
  http: AxiosInstance,
  url: string,
  image: LoadedImage,
  o: MaxUploadOptions,
): Promise<{ ok: true; token: string | undefined } | { ok: false; failure: MaxErrorOutcome }> {
  const form = new FormData();
  form.append('data', new Blob([new Uint8Array(image.bytes)], { type: image.mimeType }), image.fileName);
  const ctx = { kind: 'read' as const, platformTitle: MAX_TITLE, secrets: [o.call.botToken] };
  let status: number;
  let data: unknown;
  try {
    const res = await http.post(url, form, { timeout: o.uploadTimeoutMs });
    status = res.status;
    data = typeof res.data === 'string' ? parseJson(res.data) : res.data;
  } catch (error) {
    return { ok: false, failure: classifyRequestError(error, ctx) };
  }
  if (status >= 500) return { ok: false, failure: classifyHttpStatus(status, ctx) };
  if (status !== 200) {
    const message = isObject(data) && typeof data['message'] === 'string' ? `: ${redactSecrets(data['message'], ctx.secrets)}` : '';
    return { ok: false, failure: { status: 'rejected', code: 'max:upload', reason: `Сервер загрузки MAX не принял изображение «${image.fileName}» (HTTP ${status}${message})` } };
  }
  return { ok: true, token: tokenOf(data) };
}

/** `{photos: {<key>: {token}}}` for images; `{token}` as MAX's documentation also shows. */
export function tokenOf(answer: unknown): string | undefined {
  if (!isObject(answer)) return undefined;
  if (isObject(answer['photos'])) {
    for (const entry of Object.values(answer['photos'])) {
      if (isObject(entry) && typeof entry['token'] === 'string' && entry['token']) return entry['token'];
    }
  }
  return typeof answer['token'] === 'string' && answer['token'] ? answer['token'] : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
