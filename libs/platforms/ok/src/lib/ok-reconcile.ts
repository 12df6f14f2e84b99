import type { ReconcileOutcome, ReconcileQuery } from '@vestnik/platforms/core';
import { renderPlainText } from '@vestnik/platforms/rules';
import type { OkCallResult } from './ok-api';
import { isObject } from './ok-api';

/** How far OK's clock may be behind ours: topics this much older than our first send still count. */
export const OK_CLOCK_SKEW_MS = 2 * 60_000;
/** Topics read per page, and the pages read at most: a group posting more than that in the window is answered `unknown`. */
export const OK_RECONCILE_PAGE = 50;
export const OK_RECONCILE_MAX_PAGES = 4;
/** Texts sharing this many first characters are too alike to tell apart (OK may shorten or reflow a text in its feed). */
const ALIKE_PREFIX = 40;

export interface OkFeedTopic {
  id: string;
  createdMs: number;
  text: string;
}

export type OkFeedPage = { topics: OkFeedTopic[]; anchor?: string; hasMore: boolean };

/** One page of the group's feed, newest first; `anchor` continues where the last one stopped. */
export type OkFeedReader = (anchor: string | undefined) => Promise<OkCallResult<OkFeedPage>>;

/**
 * Looks for our topic in the group's feed after a lost answer. OK has no idempotency key and no
 * place for a marker of ours, so the post is known by its text: the one topic created since our
 * first send (less `OK_CLOCK_SKEW_MS`) whose text is ours. Two such topics, or one with a text
 * only alike (cut or reflowed by OK), is `unknown`: a person decides. `absent` only when the feed
 * was read back past the window's start (or to its end) and no topic there resembles ours, so a
 * resend cannot duplicate a post. Any failed read is `unknown`.
 */
export async function findOwnTopic(read: OkFeedReader, query: ReconcileQuery): Promise<{ status: 'found'; topicId: string } | Exclude<ReconcileOutcome, { status: 'found' }>> {
  const ours = normalized(renderPlainText(query.content.text));
  if (!ours) return { status: 'unknown', reason: 'Тема без текста: по ленте группы её не узнать' };
  const windowStart = query.sentAfter.getTime() - OK_CLOCK_SKEW_MS;
  const same: OkFeedTopic[] = [];
  const alike: OkFeedTopic[] = [];
  let anchor: string | undefined;
  for (let page = 0; page < OK_RECONCILE_MAX_PAGES; page++) {
    const got = await read(anchor);
    if (!got.ok) return { status: 'unknown', reason: `Не удалось прочитать ленту группы: ${got.failure.reason}` };
    let pastWindow = false;
    for (const topic of got.result.topics) {
      if (topic.createdMs < windowStart) {
        pastWindow = true;
        break;
      }
      const text = normalized(topic.text);
      if (text === ours) same.push(topic);
      else if (text && (text.startsWith(ours.slice(0, ALIKE_PREFIX)) || ours.startsWith(text.slice(0, ALIKE_PREFIX)))) alike.push(topic);
    }
    if (same.length > 1) return { status: 'unknown', reason: `В группе ${same.length} темы с этим текстом за время отправки: какая наша, не понять` };
    if (pastWindow || !got.result.hasMore) {
      if (same.length === 1) return { status: 'found', topicId: same[0].id };
      if (alike.length > 0) return { status: 'unknown', reason: 'В группе есть похожая тема, но текст не совпадает: возможно, Одноклассники его изменили' };
      return { status: 'absent' };
    }
    anchor = got.result.anchor;
    if (!anchor) break;
  }
  return { status: 'unknown', reason: `Лента группы не дочитана: больше ${OK_RECONCILE_PAGE * OK_RECONCILE_MAX_PAGES} тем за время отправки` };
}

/** The answer of mediatopic.getTopics as our feed page; null when it is not one. */
export function feedPageOf(result: unknown): OkFeedPage | null {
  if (!isObject(result) || !Array.isArray(result['media_topics'])) return null;
  const topics: OkFeedTopic[] = [];
  for (const item of result['media_topics'] as unknown[]) {
    if (!isObject(item)) return null;
    const createdMs = Number(item['created_ms']);
    const id = item['id'];
    if (!Number.isFinite(createdMs) || (typeof id !== 'string' && typeof id !== 'number')) return null;
    const media = Array.isArray(item['media']) ? (item['media'] as unknown[]) : [];
    const text = media
      .filter((m): m is Record<string, unknown> => isObject(m) && m['type'] === 'text' && typeof m['text'] === 'string')
      .map((m) => String(m['text']))
      .join('\n');
    topics.push({ id: String(id), createdMs, text });
  }
  const anchor = typeof result['anchor'] === 'string' && result['anchor'] ? result['anchor'] : undefined;
  // Without has_more a full page may have more behind it; a short page is the end.
  const hasMore = typeof result['has_more'] === 'boolean' ? result['has_more'] : topics.length >= OK_RECONCILE_PAGE;
  return { topics, anchor, hasMore };
}

function normalized(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
