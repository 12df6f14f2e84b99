import type { ReconcileOutcome, ReconcileQuery } from '@vestnik/platforms/core';
import { isObject } from './max-api';
import { maxMessageText } from './max-message';

/** How far MAX's clock may be behind ours: messages this much older than our first send still count. */
export const MAX_CLOCK_SKEW_MS = 2 * 60_000;
/** `GET /messages?chat_id=…&count=` reads at most this many, newest first (the schema's maximum). */
export const MAX_RECONCILE_COUNT = 100;
/** Texts sharing this many first characters are too alike to tell apart (MAX may change a text it stores). */
const ALIKE_PREFIX = 40;

export interface MaxFeedMessage {
  mid: string;
  timestampMs: number;
  text: string;
  url: string | null;
}

/**
 * Looks for our message among a channel's latest ones after a lost answer. MAX has no idempotency
 * key and no place for a marker of ours, so the post is known by its text: the one message sent
 * since our first send (less `MAX_CLOCK_SKEW_MS`) whose visible text is ours. Two such messages,
 * or one whose text is only alike, is `unknown`: a person decides. `absent` only when the read
 * reached back past the window's start (or the channel holds fewer messages than were asked for)
 * and nothing there resembles ours, so sending again cannot duplicate a post. A read that stops
 * inside the window is `unknown`.
 */
export function findOwnMessage(messages: readonly MaxFeedMessage[], query: ReconcileQuery, count = MAX_RECONCILE_COUNT): ReconcileOutcome {
  const ours = normalized(maxMessageText(query.content).visibleText);
  if (!ours) return { status: 'unknown', reason: 'Сообщение без текста: по ленте канала его не узнать' };
  const windowStart = query.sentAfter.getTime() - MAX_CLOCK_SKEW_MS;
  const same: MaxFeedMessage[] = [];
  const alike: MaxFeedMessage[] = [];
  let pastWindow = false;
  for (const message of messages) {
    if (message.timestampMs < windowStart) {
      pastWindow = true;
      break;
    }
    const text = normalized(message.text);
    if (text === ours) same.push(message);
    else if (text && (text.startsWith(ours.slice(0, ALIKE_PREFIX)) || ours.startsWith(text.slice(0, ALIKE_PREFIX)))) alike.push(message);
  }
  if (same.length > 1) return { status: 'unknown', reason: `В канале ${same.length} сообщения с этим текстом за время отправки: какое наше, не понять` };
  if (!pastWindow && messages.length >= count) {
    return { status: 'unknown', reason: `Лента канала не дочитана: больше ${count} сообщений за время отправки` };
  }
  if (same.length === 1) return { status: 'found', remoteId: same[0].mid, url: same[0].url };
  if (alike.length > 0) return { status: 'unknown', reason: 'В канале есть похожее сообщение, но текст не совпадает: возможно, MAX его изменил' };
  return { status: 'absent' };
}

/** The answer of `GET /messages` as feed messages; null when it is not one (never read as an empty channel). */
export function feedMessagesOf(result: unknown): MaxFeedMessage[] | null {
  if (!isObject(result) || !Array.isArray(result['messages'])) return null;
  const messages: MaxFeedMessage[] = [];
  for (const item of result['messages'] as unknown[]) {
    if (!isObject(item) || !isObject(item['body'])) return null;
    const body = item['body'];
    const timestampMs = Number(item['timestamp']);
    if (typeof body['mid'] !== 'string' || !body['mid'] || !Number.isFinite(timestampMs)) return null;
    messages.push({
      mid: body['mid'],
      timestampMs,
      text: typeof body['text'] === 'string' ? body['text'] : '',
      url: typeof item['url'] === 'string' && item['url'] ? item['url'] : null,
    });
  }
  // Newest first, as MAX documents; sorted anyway so one out of order cannot end the read early.
  return messages.sort((a, b) => b.timestampMs - a.timestampMs);
}

function normalized(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
