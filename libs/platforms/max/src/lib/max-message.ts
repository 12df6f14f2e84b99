import type { PostContent } from '@vestnik/platforms/rules';
import { renderMax } from '@vestnik/platforms/rules';

/** Where a channel's target points: MAX's numeric chat id, or the public link name of a channel. */
export type MaxTarget = { chatId: string } | { link: string };

/**
 * A channel's target as people write it: `-72000000001` (the chat id), `@city_news`, `city_news`
 * or `https://max.ru/city_news` (the public link, which `GET /chats/{chatLink}` resolves; MAX's
 * pattern for it is `@?[a-zA-Z]+[\w-]*`). Null for anything else (an invite link, a chat's title).
 */
export function parseMaxTarget(target: string): MaxTarget | null {
  const trimmed = target.trim();
  if (/^-?\d{1,19}$/.test(trimmed)) return { chatId: trimmed };
  const link = trimmed.replace(/^https?:\/\/(?:www\.)?max\.ru\//i, '').replace(/^@/, '').replace(/\/+$/, '');
  return /^[a-zA-Z][\w-]*$/.test(link) ? { link } : null;
}

/** `/chats/{chatId}` or `/chats/{chatLink}`. */
export function chatPath(target: MaxTarget): string {
  return `/chats/${encodeURIComponent('chatId' in target ? target.chatId : target.link)}`;
}

export interface MaxMessageText {
  /** Our markdown as MAX's HTML: only `<b>`, `<i>` and `<a href>`, every other `<`, `>`, `&` escaped. */
  text: string;
  /** What a reader sees (tags gone, entities read): what MAX's feed gives back as the message text. */
  visibleText: string;
}

/**
 * The text of a MAX message, sent with `format: "html"`. MAX removes HTML tags outside its set
 * without a word (PLATFORMS.md), so nothing here relies on that: the rendering (`renderMax`, the
 * same one the 4,000-character check measures) writes only tags MAX keeps and escapes the rest.
 * The post's link is appended as a last paragraph unless the text already links to it: a MAX
 * message's own `link` field is a reply or a forward, not a URL.
 */
export function maxMessageText(content: Pick<PostContent, 'text' | 'link'>): MaxMessageText {
  const link = content.link?.trim() || undefined;
  const rendering = renderMax({ text: content.text, link });
  return { text: rendering.html, visibleText: rendering.visibleText };
}
