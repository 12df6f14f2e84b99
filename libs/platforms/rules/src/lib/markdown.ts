/**
 * The markdown subset our editor writes: paragraphs (blank line), line breaks, `**bold**`,
 * `*italic*` or `_italic_`, `[label](https://url)` and bare http(s) URLs. A backslash escapes
 * the next punctuation character. Anything else is plain text; unmatched markers stay literal.
 */

export type InlineNode =
  | { type: 'text'; text: string }
  | { type: 'bold'; children: InlineNode[] }
  | { type: 'italic'; children: InlineNode[] }
  | { type: 'link'; href: string; children: InlineNode[] }
  | { type: 'break' };

export interface Paragraph {
  type: 'paragraph';
  children: InlineNode[];
}

export interface MarkdownDocument {
  paragraphs: Paragraph[];
}

const ESCAPABLE = new Set(['\\', '*', '_', '[', ']', '(', ')', '`', '#', '~', '>', '!', '-', '+', '.']);
const BARE_URL = /^https?:\/\/[^\s<>"'«»]+/i;
const TRAILING_PUNCTUATION = /[.,;:!?'"»)]+$/;

export function parseMarkdown(source: string): MarkdownDocument {
  const normalized = source.replace(/\r\n?/g, '\n');
  const paragraphs = normalized
    .split(/\n[ \t]*\n/)
    .map((block) => block.replace(/^\n+|\n+$/g, ''))
    .filter((block) => block.trim().length > 0)
    .map((block): Paragraph => ({ type: 'paragraph', children: parseInline(block, false) }));
  return { paragraphs };
}

/** Accepts only absolute http(s) URLs: links are the one place markdown could smuggle a scheme. */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s]+$/i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

function parseInline(src: string, insideLink: boolean): InlineNode[] {
  const nodes: InlineNode[] = [];
  let text = '';
  const flush = (): void => {
    if (text) nodes.push({ type: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    const next = src[i + 1] ?? '';
    if (ch === '\\' && ESCAPABLE.has(next)) {
      text += next;
      i += 2;
      continue;
    }
    if (ch === '\n') {
      flush();
      nodes.push({ type: 'break' });
      i += 1;
      continue;
    }
    if (ch === '*' && next === '*') {
      const close = findCloser(src, i + 2, '**');
      if (close > i + 2) {
        flush();
        nodes.push({ type: 'bold', children: parseInline(src.slice(i + 2, close), insideLink) });
        i = close + 2;
        continue;
      }
    } else if (ch === '*' && next !== ' ' && next !== '') {
      const close = findCloser(src, i + 1, '*');
      if (close > i + 1 && src[close - 1] !== ' ') {
        flush();
        nodes.push({ type: 'italic', children: parseInline(src.slice(i + 1, close), insideLink) });
        i = close + 1;
        continue;
      }
    } else if (ch === '_' && isWordBoundaryBefore(src, i) && next !== ' ' && next !== '_') {
      const close = findCloser(src, i + 1, '_');
      if (close > i + 1 && src[close - 1] !== ' ') {
        flush();
        nodes.push({ type: 'italic', children: parseInline(src.slice(i + 1, close), insideLink) });
        i = close + 1;
        continue;
      }
    } else if (ch === '[' && !insideLink) {
      const link = matchLink(src, i);
      if (link) {
        flush();
        nodes.push({ type: 'link', href: link.href, children: parseInline(link.label, true) });
        i = link.end;
        continue;
      }
    } else if ((ch === 'h' || ch === 'H') && !insideLink && isWordBoundaryBefore(src, i)) {
      const url = matchBareUrl(src.slice(i));
      if (url) {
        flush();
        nodes.push({ type: 'link', href: url, children: [{ type: 'text', text: url }] });
        i += url.length;
        continue;
      }
    }
    text += ch;
    i += 1;
  }
  flush();
  return nodes;
}

/** Finds the closing delimiter, skipping escapes; a lone `*` never matches half of `**`. */
function findCloser(src: string, from: number, delimiter: '**' | '*' | '_'): number {
  for (let j = from; j < src.length; j++) {
    const ch = src[j];
    if (ch === '\\') {
      j += 1;
      continue;
    }
    if (ch === '\n' && src[j + 1] === '\n') return -1;
    if (delimiter === '**' && ch === '*') {
      if (src[j + 1] === '*') return j;
      // An italic span inside bold may end right before the bold closer, as in `**a *b***`.
      const inner = src[j + 1] && src[j + 1] !== ' ' ? findCloser(src, j + 1, '*') : -1;
      if (inner >= 0) j = inner;
      continue;
    }
    if (delimiter === '*' && ch === '*') {
      if (src[j + 1] === '*') {
        const inner = findCloser(src, j + 2, '**');
        if (inner < 0) return j;
        j = inner + 1;
        continue;
      }
      return j;
    }
    if (delimiter === '_' && ch === '_' && isWordBoundaryAfter(src, j)) return j;
  }
  return -1;
}

function matchLink(src: string, start: number): { label: string; href: string; end: number } | null {
  let depth = 0;
  for (let j = start + 1; j < src.length; j++) {
    const ch = src[j];
    if (ch === '\\') {
      j += 1;
      continue;
    }
    if (ch === '\n' && src[j + 1] === '\n') return null;
    if (ch === '[') depth += 1;
    if (ch === ']') {
      if (depth > 0) {
        depth -= 1;
        continue;
      }
      if (src[j + 1] !== '(') return null;
      const close = src.indexOf(')', j + 2);
      if (close < 0) return null;
      const href = src.slice(j + 2, close).trim();
      const label = src.slice(start + 1, j);
      if (!label.trim() || !isHttpUrl(href)) return null;
      return { label, href, end: close + 1 };
    }
  }
  return null;
}

function matchBareUrl(rest: string): string | null {
  const match = BARE_URL.exec(rest);
  if (!match) return null;
  let url = match[0];
  // Keep a closing parenthesis only when the URL itself opened one (Wikipedia-style links).
  while (TRAILING_PUNCTUATION.test(url)) {
    const last = url[url.length - 1];
    if (last === ')' && countChar(url, '(') >= countChar(url, ')')) break;
    url = url.slice(0, -1);
  }
  return isHttpUrl(url) ? url : null;
}

function countChar(value: string, ch: string): number {
  return value.split(ch).length - 1;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}_]/u.test(ch);
}

function isWordBoundaryBefore(src: string, index: number): boolean {
  return index === 0 || !isWordChar(src[index - 1]);
}

function isWordBoundaryAfter(src: string, index: number): boolean {
  return index === src.length - 1 || !isWordChar(src[index + 1]);
}
