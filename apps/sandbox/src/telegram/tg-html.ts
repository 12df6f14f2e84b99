/**
 * Telegram's `parse_mode=HTML`, as strict as PLATFORMS.md states it: only the listed tags, and
 * every other `<`, `>` and `&` written as an entity. Returns the visible text (what Telegram's
 * length limits count) and a rebuilt HTML that is safe to show in the feed page.
 */

const ALLOWED_TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'a', 'code', 'pre', 'blockquote', 'tg-spoiler', 'span', 'tg-emoji']);
const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"' };
const OPEN_TAG = /^<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*>/;
const CLOSE_TAG = /^<\/([a-zA-Z][a-zA-Z0-9-]*)\s*>/;
const ATTRIBUTE = /([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
const ENTITY = /^&(?:([a-zA-Z]+)|#(\d+)|#x([0-9a-fA-F]+));/;

export type ParsedHtml = { ok: true; text: string; html: string } | { ok: false; error: string };

export function parseTelegramHtml(source: string): ParsedHtml {
  const stack: string[] = [];
  let text = '';
  let html = '';
  let i = 0;
  const offset = (): number => Buffer.byteLength(source.slice(0, i), 'utf8');
  const fail = (reason: string): ParsedHtml => ({ ok: false, error: `Bad Request: can't parse entities: ${reason}` });

  while (i < source.length) {
    const rest = source.slice(i);
    const ch = source[i];
    if (ch === '<') {
      const close = CLOSE_TAG.exec(rest);
      if (close) {
        const name = close[1].toLowerCase();
        const open = stack.pop();
        if (open !== name) {
          return fail(open ? `Unmatched end tag at byte offset ${offset()}, expected "</${open}>", found "</${name}>"` : `Unexpected end tag at byte offset ${offset()}`);
        }
        html += `</${feedTag(name)}>`;
        i += close[0].length;
        continue;
      }
      const open = OPEN_TAG.exec(rest);
      const name = open ? open[1].toLowerCase() : '';
      if (!open || !ALLOWED_TAGS.has(name)) return fail(`Unsupported start tag "${name}" at byte offset ${offset()}`);
      const attrs = attributesOf(open[2]);
      if (name === 'span' && attrs['class'] !== 'tg-spoiler') return fail(`Unsupported start tag "span" at byte offset ${offset()}`);
      if (name === 'a' && !attrs['href']) return fail(`Can't find href of the link at byte offset ${offset()}`);
      if (name === 'tg-emoji' && !attrs['emoji-id']) return fail(`Can't find emoji-id of the custom emoji at byte offset ${offset()}`);
      if (name === 'a' && stack.includes('a')) return fail(`Nested links are not allowed at byte offset ${offset()}`);
      stack.push(name);
      html += name === 'a' ? openLink(attrs['href'] ?? '') : `<${feedTag(name)}>`;
      i += open[0].length;
      continue;
    }
    if (ch === '&') {
      const entity = ENTITY.exec(rest);
      const decoded = entity ? decodeEntity(entity) : null;
      if (!entity || decoded === null) return fail(`Character entity expected at byte offset ${offset()}: write & as &amp;`);
      text += decoded;
      html += escapeHtml(decoded);
      i += entity[0].length;
      continue;
    }
    if (ch === '>') return fail(`Unexpected character ">" at byte offset ${offset()}: write > as &gt;`);
    text += ch;
    html += escapeHtml(ch);
    i += 1;
  }
  if (stack.length > 0) return fail(`Can't find end tag corresponding to start tag "${stack[stack.length - 1]}"`);
  return { ok: true, text, html };
}

/** Plain text (no parse_mode) as the feed shows it. */
export function plainToHtml(text: string): string {
  return escapeHtml(text);
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function attributesOf(raw: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of raw.matchAll(ATTRIBUTE)) attrs[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  return attrs;
}

function decodeEntity(entity: RegExpExecArray): string | null {
  if (entity[1]) return NAMED_ENTITIES[entity[1].toLowerCase()] ?? null;
  const code = entity[2] ? Number(entity[2]) : parseInt(entity[3], 16);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
}

/** The feed page renders Telegram's tags with their plain HTML equivalents. */
function feedTag(name: string): string {
  const map: Record<string, string> = { 'tg-spoiler': 'span', 'tg-emoji': 'span', ins: 'u', strike: 's' };
  return map[name] ?? name;
}

function openLink(href: string): string {
  const decoded = href.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  const safe = /^https?:\/\//i.test(decoded) ? decoded : '#';
  return `<a href="${escapeHtml(safe)}" rel="nofollow noopener" target="_blank">`;
}
