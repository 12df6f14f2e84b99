import type { AxiosInstance } from 'axios';
import type { LoadedImage, PublishedOutcome, PublishOutcome } from '@vestnik/platforms/core';
import type { TelegramRendering } from '@vestnik/platforms/rules';
import { callTelegram, TelegramCallOptions } from './telegram-api';
import type { TelegramErrorOutcome } from './telegram-errors';
import { chatIdParam, formatTelegramRemoteId, TelegramMessageRef, telegramMessageUrl } from './telegram-remote-id';

export interface TelegramMessage {
  message_id: number;
  chat: { id: number; username?: string; type?: string };
}

export interface SendPlan {
  apiUrl: string;
  chatId: string;
  rendering: TelegramRendering;
  link?: string;
  images: LoadedImage[];
  captionMax: number;
  call: TelegramCallOptions;
}

/**
 * Sends one publication: text alone; one photo; or a media group (2–10) with the caption on the
 * first item. A text longer than the caption limit goes out as a follow-up message after the media.
 * Only the first request decides the outcome: once media are out, a failed follow-up is reported
 * as a note on `published`, because retrying the whole publication would duplicate the photos.
 */
export async function sendPublication(http: AxiosInstance, plan: SendPlan): Promise<PublishOutcome> {
  const { rendering, images } = plan;
  if (images.length === 0) {
    const sent = await sendText(http, plan);
    if (!sent.ok) return asFailure(sent.failure);
    return published(sent.result, [{ role: 't', messageId: sent.result.message_id }]);
  }
  const captionFits = rendering.visibleLength <= plan.captionMax;
  const caption = captionFits && rendering.visibleLength > 0 ? rendering.html : undefined;
  const media = images.length === 1 ? await sendPhoto(http, plan, images[0], caption) : await sendMediaGroup(http, plan, caption);
  if (!media.ok) return asFailure(media.failure);
  const refs: TelegramMessageRef[] = media.result.map((m) => ({ role: 'p', messageId: m.message_id }));
  if (captionFits) return published(media.result[0], refs);

  const followUp = await sendText(http, { ...plan, chatId: String(media.result[0].chat.id) });
  if (followUp.ok) return published(media.result[0], [...refs, { role: 't', messageId: followUp.result.message_id }]);
  const failure = asFailure(followUp.failure);
  const what = failure.status === 'unconfirmed' ? 'неизвестно, отправлен ли текст' : 'текст не отправлен';
  return { ...published(media.result[0], refs), note: `Фото опубликованы, но ${what}: ${failure.reason}` };
}

function sendText(http: AxiosInstance, plan: SendPlan) {
  const payload: Record<string, unknown> = { chat_id: chatIdParam(plan.chatId), text: plan.rendering.html, parse_mode: 'HTML' };
  if (plan.link) payload['link_preview_options'] = { url: plan.link };
  return callTelegram<TelegramMessage>(http, plan.apiUrl, 'sendMessage', payload, plan.call);
}

async function sendPhoto(http: AxiosInstance, plan: SendPlan, image: LoadedImage, caption?: string) {
  const form = new FormData();
  form.append('chat_id', plan.chatId);
  form.append('photo', toBlob(image), image.fileName);
  if (caption) {
    form.append('caption', caption);
    form.append('parse_mode', 'HTML');
  }
  const sent = await callTelegram<TelegramMessage>(http, plan.apiUrl, 'sendPhoto', form, plan.call);
  return sent.ok ? { ok: true as const, result: [sent.result] } : sent;
}

async function sendMediaGroup(http: AxiosInstance, plan: SendPlan, caption?: string) {
  const form = new FormData();
  form.append('chat_id', plan.chatId);
  const media = plan.images.map((_, index) => ({
    type: 'photo',
    media: `attach://photo${index + 1}`,
    ...(index === 0 && caption ? { caption, parse_mode: 'HTML' } : {}),
  }));
  form.append('media', JSON.stringify(media));
  plan.images.forEach((image, index) => form.append(`photo${index + 1}`, toBlob(image), image.fileName));
  return callTelegram<TelegramMessage[]>(http, plan.apiUrl, 'sendMediaGroup', form, { ...plan.call, messages: plan.images.length });
}

function toBlob(image: LoadedImage): Blob {
  return new Blob([new Uint8Array(image.bytes)], { type: image.mimeType });
}

function published(first: TelegramMessage, refs: TelegramMessageRef[]): PublishedOutcome {
  const chatId = String(first.chat.id);
  return {
    status: 'published',
    remoteId: formatTelegramRemoteId({ chatId, messages: refs }),
    url: telegramMessageUrl(chatId, first.message_id, first.chat.username),
  };
}

/** Edit/delete-only outcomes cannot come from a send; if they do, the send was refused. */
export function asFailure(outcome: TelegramErrorOutcome): Exclude<PublishOutcome, { status: 'published' }> {
  if (outcome.status === 'not_found' || outcome.status === 'not_modified') {
    return { status: 'rejected', code: 'telegram:400', reason: outcome.reason };
  }
  return outcome;
}
