import { escapeHtml } from '../telegram/tg-html';

/**
 * MAX's `format: "html"`: the tags of its documented set are kept, every other tag is removed
 * with its text left in place, and nothing is ever refused (MAX strips silently, unlike Telegram).
 * Returns what a reader sees and a rebuilt HTML that is safe to show in the feed page.
 */

/** The schema's "Only the following HTML tags are supported. All others will be stripped". */
export const MAX_HTML_TAGS: ReadonlySet<string> = new Set(['b', 'strong', 'i', 'em', 's', 'del', 'u', 'ins', 'a', 'pre', 'code', 'mark', 'h1']);

const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/;
const ATTRIBUTE = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
const ENTITY = /^&(?:([a-zA-Z]+)|#(\d+)|#x([0-9a-fA-F]+));/;
const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };

export interface StrippedHtml {
  /** The visible text. */
  text: string;
  /** The kept tags, rebuilt; links only to http(s). */
  html: string;
  /** Tags that were removed (lower case, once each), for tests and the feed. */
  removed: string[];
}

export function stripMaxHtml(source: string): StrippedHtml {
  const open: string[] = [];
  const removed = new Set<string>();
  let text = '';
  let html = '';
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const tag = rest.startsWith('<') ? TAG.exec(rest) : null;
    if (tag) {
      i += tag[0].length;
      const closing = tag[1] === '/';
      const name = tag[2].toLowerCase();
      if (!MAX_HTML_TAGS.has(name)) {
        removed.add(name);
        continue;
      }
      if (closing) {
        const at = open.lastIndexOf(name);
        // A stray closing tag is dropped; one that closes an outer tag closes the inner ones first.
        if (at >= 0) while (open.length > at) html += `</${feedTag(open.pop() ?? name)}>`;
        continue;
      }
      if (name === 'a' && open.includes('a')) continue;
      open.push(name);
      html += name === 'a' ? openLink(attribute(tag[3], 'href')) : `<${feedTag(name)}>`;
      continue;
    }
    const entity = rest.startsWith('&') ? ENTITY.exec(rest) : null;
    const decoded = entity ? decodeEntity(entity) : null;
    if (entity && decoded !== null) {
      text += decoded;
      html += escapeHtml(decoded);
      i += entity[0].length;
      continue;
    }
    text += source[i];
    html += escapeHtml(source[i]);
    i += 1;
  }
  while (open.length) html += `</${feedTag(open.pop() ?? '')}>`;
  return { text, html, removed: [...removed] };
}

function attribute(raw: string, name: string): string {
  for (const m of raw.matchAll(ATTRIBUTE)) if (m[1].toLowerCase() === name) return m[2] ?? m[3] ?? m[4] ?? '';
  return '';
}

function decodeEntity(entity: RegExpExecArray): string | null {
  if (entity[1]) return NAMED_ENTITIES[entity[1].toLowerCase()] ?? null;
  const code = entity[2] ? Number(entity[2]) : parseInt(entity[3], 16);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
}

/** The feed page shows MAX's tags with their plain HTML equivalents. */
function feedTag(name: string): string {
  const map: Record<string, string> = { ins: 'u', del: 's', h1: 'strong' };
  return map[name] ?? name;
}

function openLink(href: string): string {
  const decoded = href.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  const safe = /^https?:\/\//i.test(decoded) ? decoded : '#';
  return `<a href="${escapeHtml(safe)}" rel="nofollow noopener" target="_blank">`;
}
