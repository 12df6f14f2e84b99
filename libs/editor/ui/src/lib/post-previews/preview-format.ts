import type { Translate } from '@vestnik/editor/i18n';

/** An image of a preview: the server's thumbnail and the original's size, for the layout. */
export interface PreviewImage {
  src: string;
  width: number;
  height: number;
  /** The file name, read out instead of the picture. */
  alt: string;
}

/** A piece of plain text: words, or an address the platform turns into a link. */
export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

/** Months under `previews.time.monthShort` / `monthLong`, January first. */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Up to two letters of a community's name, as platforms draw an avatar without a picture. */
export function initialsOf(name: string): string {
  const words = name
    .replace(/[«»"'№()]/g, ' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  return (
    words
      .slice(0, 2)
      .map((w) => [...w][0])
      .join('')
      .toUpperCase() || '•'
  );
}

/** A steady colour for a name's avatar: the same community always gets the same one. */
export function avatarHue(name: string): number {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) % 360;
  return hash;
}

/**
 * VK and OK turn addresses in plain text into links. The same cut as the rules' bare URLs, kept
 * simple: up to a space or a quote, without punctuation at the end.
 */
export function plainTextSegments(text: string): TextSegment[] {
  const out: TextSegment[] = [];
  const pattern = /https?:\/\/[^\s<>"'«»]+/gi;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    let href = match[0];
    // A closing bracket belongs to the address only when the address opened one.
    while (/[.,;:!?]$/.test(href) || (href.endsWith(')') && count(href, ')') > count(href, '('))) href = href.slice(0, -1);
    const at = match.index ?? 0;
    if (at > last) out.push({ kind: 'text', text: text.slice(last, at) });
    out.push({ kind: 'link', text: href, href });
    last = at + href.length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}

/** The host of an address without `www.`, as link snippets show it; the address itself when it is not one. */
export function domainOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  time: string;
}

function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { year: Number(get('year')), month: Number(get('month')), day: Number(get('day')), time: `${get('hour')}:${get('minute')}` };
}

/**
 * The time a platform writes above the post, in the organization's zone and the interface's
 * language: VK «1 сен в 10:00», OK «1 сен 10:00», Telegram «10:00» (and the day above the message:
 * «1 сентября»). The year is added when it is not the current one.
 */
export function platformTime(instant: Date, timeZone: string, now: Date, style: 'vk' | 'ok' | 'telegram' | 'telegram-day', t: Translate): string {
  const at = wallClock(instant, timeZone);
  const year = at.year !== wallClock(now, timeZone).year ? ` ${at.year}` : '';
  const month = MONTHS[at.month - 1];
  switch (style) {
    case 'vk':
      return t('previews.time.vk', { day: at.day, month: t(`previews.time.monthShort.${month}`), year, time: at.time });
    case 'ok':
      return t('previews.time.ok', { day: at.day, month: t(`previews.time.monthShort.${month}`), year, time: at.time });
    case 'telegram':
      return at.time;
    case 'telegram-day':
      return t('previews.time.telegramDay', { day: at.day, month: t(`previews.time.monthLong.${month}`), year });
  }
}
