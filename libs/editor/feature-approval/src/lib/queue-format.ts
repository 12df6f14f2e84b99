import { PLATFORMS, type Platform, type PostView } from '@vestnik/contracts';
import type { Translate } from '@vestnik/editor/i18n';

export interface PlatformCount {
  platform: Platform;
  count: number;
}

/** How many of the post's pages are on each platform, in the usual platform order; platforms without pages left out. */
export function channelsByPlatform(post: Pick<PostView, 'publications'>): PlatformCount[] {
  return PLATFORMS.map((platform) => ({ platform, count: post.publications.filter((p) => p.platform === platform).length })).filter((c) => c.count > 0);
}

/** What a key pressed on the queue page asks for. */
export type QueueShortcut = 'next' | 'previous' | 'approve' | 'reject';

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Focus is where a person types (a field, a text area, an editable element): letters are text there. */
  typing: boolean;
  /** Focus is in the queue list, where the arrows move through it. */
  inList: boolean;
}

/**
 * j/k move through the queue anywhere on the page, the arrows only in the list (elsewhere they
 * scroll); a approves, r sends back. Nothing while typing or with a modifier (the browser's own keys).
 * Russian layout letters on the same keys count too (о/л, ф, к), so nobody has to switch layouts.
 */
export function shortcutOf(e: KeyPress): QueueShortcut | null {
  if (e.typing || e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case 'j':
    case 'о': // i18n-exempt: the same key on the Russian layout
      return 'next';
    case 'k':
    case 'л': // i18n-exempt: the same key on the Russian layout
      return 'previous';
    case 'ArrowDown':
      return e.inList ? 'next' : null;
    case 'ArrowUp':
      return e.inList ? 'previous' : null;
    case 'a':
    case 'ф': // i18n-exempt: the same key on the Russian layout
      return 'approve';
    case 'r':
    case 'к': // i18n-exempt: the same key on the Russian layout
      return 'reject';
    default:
      return null;
  }
}

/** The post to show after one leaves the queue: the next one, else the one before, else none. */
export function neighbourAfter(ids: readonly string[], leaving: string): string | null {
  const at = ids.indexOf(leaving);
  if (at < 0) return ids[0] ?? null;
  return ids[at + 1] ?? ids[at - 1] ?? null;
}

/** The post one step away in the queue; stays at the ends. */
export function stepFrom(ids: readonly string[], current: string | null, step: 1 | -1): string | null {
  if (!ids.length) return null;
  const at = current ? ids.indexOf(current) : -1;
  if (at < 0) return ids[0];
  return ids[Math.min(ids.length - 1, Math.max(0, at + step))];
}

/** «3 декабря в 10:00» (in English «3 December at 10:00») in the zone; with the year when it is not this year's. */
export function formatWhen(iso: string, timeZone: string, locale: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const year = new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric' });
  const sameYear = year.format(date) === year.format(now);
  return new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', ...(sameYear ? {} : { year: 'numeric' }), hour: '2-digit', minute: '2-digit' }).format(date);
}

/** «5 мин», «3 ч», «2 дн.»: how long a post has waited in the queue. */
export function waited(sinceIso: string | null, t: Translate, now = new Date()): string | null {
  if (!sinceIso) return null;
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(sinceIso)) / 60_000));
  if (Number.isNaN(minutes)) return null;
  if (minutes < 60) return t('approval.queue.waitedMinutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('approval.queue.waitedHours', { count: hours });
  return t('approval.queue.waitedDays', { count: Math.floor(hours / 24) });
}

/** Refusal codes the list names in a few words; any other reads as a plain «cannot approve». */
const REFUSALS = ['four_eyes', 'forbidden', 'post_not_publishable', 'organization_archived'];

/** A few words on the approval button's state for the list: why this person cannot approve it. */
export function refusalShort(code: string | null, t: Translate): string | null {
  if (code === null) return null;
  return t(`approval.refusal.${REFUSALS.includes(code) ? code : 'other'}`);
}
