import type { AxiosInstance } from 'axios';
import type { LoadedImage, RequestPacer } from '@vestnik/platforms/core';
import { classifyHttpStatus, classifyRequestError } from '@vestnik/platforms/core';
import { callVk, isObject, VK_TITLE } from './vk-api';
import type { VkErrorOutcome } from './vk-errors';

export interface VkPhotoUploadOptions {
  apiUrl: string;
  accessToken: string;
  groupId: number;
  timeoutMs: number;
  uploadTimeoutMs: number;
  canRefresh: boolean;
  pacer?: RequestPacer;
}

export type VkPhotoUploadResult = { ok: true; attachments: string[] } | { ok: false; failure: VkErrorOutcome };

interface UploadAnswer {
  server: number;
  photo: string;
  hash: string;
}

/**
 * VK's three-step wall photo flow: photos.getWallUploadServer → multipart POST of field `photo`
 * → photos.saveWallPhoto. Nothing here creates a post, so every failure is safe to retry
 * (an orphan photo is harmless): calls are classified as reads.
 */
export async function uploadWallPhotos(http: AxiosInstance, images: LoadedImage[], o: VkPhotoUploadOptions): Promise<VkPhotoUploadResult> {
  const common = { kind: 'read' as const, accessToken: o.accessToken, timeoutMs: o.timeoutMs, canRefresh: o.canRefresh, pacer: o.pacer };
  const server = await callVk<{ upload_url?: string }>(http, o.apiUrl, 'photos.getWallUploadServer', { group_id: o.groupId }, common);
  if (!server.ok) return server;
  const uploadUrl = server.response.upload_url;
  if (!uploadUrl) return { ok: false, failure: { status: 'transient', reason: 'ВКонтакте не выдал адрес для загрузки фото' } };

  const attachments: string[] = [];
  for (const image of images) {
    const uploaded = await postPhoto(http, uploadUrl, image, o);
    if (!uploaded.ok) return uploaded;
    const saved = await callVk<Array<{ id: number; owner_id: number }>>(
      http,
      o.apiUrl,
      'photos.saveWallPhoto',
      { group_id: o.groupId, server: uploaded.answer.server, photo: uploaded.answer.photo, hash: uploaded.answer.hash },
      common,
    );
    if (!saved.ok) return saved;
    const photo = Array.isArray(saved.response) ? saved.response[0] : undefined;
    if (!photo) return { ok: false, failure: { status: 'transient', reason: 'ВКонтакте не сохранил фото' } };
    attachments.push(`photo${photo.owner_id}_${photo.id}`);
  }
  return { ok: true, attachments };
}

async function postPhoto(
  http: AxiosInstance,
  uploadUrl: string,
  image: LoadedImage,
  o: VkPhotoUploadOptions,
): Promise<{ ok: true; answer: UploadAnswer } | { ok: false; failure: VkErrorOutcome }> {
  const form = new FormData();
  form.append('photo', new Blob([new Uint8Array(image.bytes)], { type: image.mimeType }), image.fileName);
  const ctx = { kind: 'read' as const, platformTitle: VK_TITLE, secrets: [o.accessToken] };
  try {
    const res = await http.post(uploadUrl, form, { timeout: o.uploadTimeoutMs });
    if (res.status >= 500) return { ok: false, failure: classifyHttpStatus(res.status, ctx) };
    const data: unknown = typeof res.data === 'string' ? safeJson(res.data) : res.data;
    if (isObject(data) && typeof data['photo'] === 'string' && data['photo'] && data['photo'] !== '[]' && data['server'] !== undefined) {
      return { ok: true, answer: { server: Number(data['server']), photo: data['photo'], hash: String(data['hash'] ?? '') } };
    }
    const detail = isObject(data) && data['error'] ? `: ${String(data['error'])}` : '';
    return { ok: false, failure: { status: 'rejected', code: 'vk:upload', reason: `Сервер загрузки ВКонтакте не принял фото «${image.fileName}»${detail}` } };
  } catch (error) {
    return { ok: false, failure: classifyRequestError(error, ctx) };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
