import type { AxiosInstance } from 'axios';
import type { LoadedImage } from '@vestnik/platforms/core';
import { classifyHttpStatus, classifyRequestError } from '@vestnik/platforms/core';
import { callOk, isObject, OK_TITLE, OkAppKeys } from './ok-api';
import type { OkErrorOutcome } from './ok-errors';

export interface OkPhotoUploadOptions {
  apiUrl: string;
  keys: OkAppKeys;
  accessToken: string;
  groupId: string;
  timeoutMs: number;
  uploadTimeoutMs: number;
}

/**
 * OK's photo flow: photosV2.getUploadUrl(gid, count) → one multipart POST with fields
 * pic1..picN → upload tokens for the attachment. No commit step for group topics.
 * Nothing here creates a topic, so every failure is safe to retry.
 */
export async function uploadGroupPhotos(
  http: AxiosInstance,
  images: LoadedImage[],
  o: OkPhotoUploadOptions,
): Promise<{ ok: true; tokens: string[] } | { ok: false; failure: OkErrorOutcome }> {
  const target = await callOk<{ upload_url?: string; photo_ids?: string[] }>(
    http,
    o.apiUrl,
    o.keys,
    'photosV2.getUploadUrl',
    { gid: o.groupId, count: images.length },
    { kind: 'read', accessToken: o.accessToken, timeoutMs: o.timeoutMs },
  );
  if (!target.ok) return target;
  const { upload_url: uploadUrl, photo_ids: photoIds } = target.result ?? {};
  if (!uploadUrl || !Array.isArray(photoIds) || photoIds.length !== images.length) {
    return { ok: false, failure: { status: 'transient', reason: 'Одноклассники не выдали адрес для загрузки фото' } };
  }
  const form = new FormData();
  images.forEach((image, index) => {
    form.append(`pic${index + 1}`, new Blob([new Uint8Array(image.bytes)], { type: image.mimeType }), image.fileName);
  });
  const ctx = { kind: 'read' as const, platformTitle: OK_TITLE, secrets: [o.accessToken] };
  let data: unknown;
  try {
    const res = await http.post(uploadUrl, form, { timeout: o.uploadTimeoutMs });
    if (res.status >= 500) return { ok: false, failure: classifyHttpStatus(res.status, ctx) };
    data = typeof res.data === 'string' ? JSON.parse(res.data) : res.data;
  } catch (error) {
    return { ok: false, failure: classifyRequestError(error, ctx) };
  }
  const photos = isObject(data) && isObject(data['photos']) ? data['photos'] : {};
  const tokens: string[] = [];
  for (const id of photoIds) {
    const entry = photos[id];
    const token = isObject(entry) ? entry['token'] : undefined;
    if (typeof token !== 'string' || !token) {
      const detail = isObject(data) && data['error_msg'] ? `: ${String(data['error_msg'])}` : '';
      return { ok: false, failure: { status: 'rejected', code: 'ok:upload', reason: `Сервер загрузки Одноклассников не принял фото${detail}` } };
    }
    tokens.push(token);
  }
  return { ok: true, tokens };
}
