/**
 * The markdown subset our editor writes: paragraphs (blank line), line breaks, `**bold**`,
 * `*italic*` or `_italic_`, `[label](https://url)` and bare http(s) URLs. A backslash escapes
 * the next punctuation character. Anything else is plain text; unmatched markers stay literal.
 *
 * Texts come from people and from the database, so parsing must never block the server: it is
 * one left-to-right pass with a delimiter stack, as CommonMark's reference parsers resolve
 * emphasis, and its work is linear in the length of the text (`ParseStats` counts it).
 * The rules, in CommonMark's words where they apply:
 * - a run of `*` opens when the next character is not whitespace and closes when the previous
 *   one is not; `**` gives bold, `*` italic, runs match by CommonMark's "rule of 3";
 * - `_` works alone (a run of two or more stays literal) and never inside a word (`snake_case`);
 * - `[label](url)` needs a non-blank label and an absolute http(s) URL up to the first `)`,
 *   without spaces inside and without `](`; links do not nest (the inner one wins);
 * - a bare URL starts at a word boundary and runs to whitespace, `<>"'«»` or `](`; trailing
 *   punctuation is not part of it (nor a trailing `*`/`_` while such a marker is open), a
 *   closing `)` only when the URL opened one. A word that starts like a URL but is not one
 *   stays text up to its end;
 * - formatting nests at most `MAX_INLINE_DEPTH` deep; deeper markers stay literal.
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

/** Work done by one parse, for tests that bound it: every loop iteration and scanned character. */
export interface ParseStats {
  steps: number;
}

/** Bold, italic and links nest at most this deep, so recursive renderers stay shallow. */
export const MAX_INLINE_DEPTH = 16;

const ESCAPABLE = new Set(['\\', '*', '_', '[', ']', '(', ')', '`', '#', '~', '>', '!', '-', '+', '.']);
const URL_STOP = new Set(['<', '>', '"', "'", '«', '»']);
const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '»', ')']);
const WHITESPACE = /\s/;
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export function parseMarkdown(source: string, stats?: ParseStats): MarkdownDocument {
  // Both patterns are linear: each starts only at a newline and the blocks hold no blank line.
  const normalized = source.replace(/\r\n?/g, '\n');
  let steps = normalized.length;
  const paragraphs: Paragraph[] = [];
  for (const raw of normalized.split(/\n[ \t]*\n/)) {
    const block = raw.replace(/^\n+|\n+$/g, '');
    steps += raw.length + 1;
    if (block.trim().length === 0) continue;
    const parser = new InlineParser(block);
    paragraphs.push({ type: 'paragraph', children: parser.parse() });
    steps += parser.steps;
  }
  if (stats) stats.steps += steps;
  return { paragraphs };
}

/** Accepts only absolute http(s) URLs: links are the one place markdown could smuggle a scheme. */
export function isHttpUrl(value: string): boolean {
  // Anchored at both ends with one class: linear, no backtracking across alternatives.
  if (!/^https?:\/\/[^\s]+$/i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

type ItemKind = 'text' | 'marker' | 'break' | 'bold' | 'italic' | 'link' | 'url' | 'group';

/**
 * One piece of a paragraph while it is parsed: text, a run of emphasis markers, a break, a
 * finished bold/italic/link, a bare URL, or a `group` of pieces left literal because they nest
 * too deep. Top-level pieces form a doubly linked list; finished pieces keep their children.
 */
class Item {
  prev: Item | null = null;
  next: Item | null = null;
  readonly children: Item[] = [];
  /** Nesting depth of the formatting inside, this item included. */
  depth = 0;
  /** For markers: how many are left after matching. */
  count = 0;

  constructor(
    readonly kind: ItemKind,
    /** Text, the marker character, or the bare URL. */
    readonly text = '',
    readonly href = '',
  ) {}
}

interface Delimiter {
  readonly char: '*' | '_';
  readonly item: Item;
  /** Where the run starts in the paragraph: orders delimiters even after some left the stack. */
  readonly position: number;
  /** Length of the run as written, for the rule of 3. */
  readonly length: number;
  readonly canOpen: boolean;
  readonly canClose: boolean;
  prev: Delimiter | null;
  next: Delimiter | null;
}

interface Bracket {
  readonly item: Item;
  readonly position: number;
  readonly previous: Bracket | null;
  /** Top of the delimiter stack when `[` was read: emphasis inside the label lies above it. */
  readonly previousDelimiter: Delimiter | null;
  /** The count of unclosed runs when `[` was read: emphasis inside a link closes inside it. */
  readonly unclosed: Record<'*' | '_', number>;
}

class InlineParser {
  steps = 0;
  private head: Item | null = null;
  private tail: Item | null = null;
  private delimiters: Delimiter | null = null;
  private brackets: Bracket | null = null;
  private buffer = '';
  /** `[` at or before this position was read before a link formed: no links in links. */
  private lastLinkStart = -1;
  /** A URL-like word that failed: no new bare URL starts before this position. */
  private noUrlBefore = 0;
  /** `*` and `_` runs read so far that no later run seems to close: a URL leaves them its trailing marker. */
  private unclosed: Record<'*' | '_', number> = { '*': 0, _: 0 };

  constructor(private readonly src: string) {}

  parse(): InlineNode[] {
    const src = this.src;
    let i = 0;
    while (i < src.length) {
      this.steps++;
      const ch = src[i];
      const next = src[i + 1] ?? '';
      if (ch === '\\' && ESCAPABLE.has(next)) {
        this.buffer += next;
        i += 2;
      } else if (ch === '\n') {
        this.flush();
        this.append(new Item('break'));
        i += 1;
      } else if (ch === '*' || ch === '_') {
        i = this.readMarkers(i, ch);
      } else if (ch === '[') {
        this.flush();
        const item = new Item('text', '[');
        this.append(item);
        this.brackets = { item, position: i, previous: this.brackets, previousDelimiter: this.delimiters, unclosed: { ...this.unclosed } };
        i += 1;
      } else if (ch === ']') {
        const end = this.closeBracket(i);
        if (end < 0) this.buffer += ch;
        i = end < 0 ? i + 1 : end;
      } else if ((ch === 'h' || ch === 'H') && i >= this.noUrlBefore && !isLetterOrDigit(src[i - 1])) {
        const end = this.bareUrl(i);
        if (end < 0) this.buffer += ch;
        i = end < 0 ? i + 1 : end;
      } else {
        this.buffer += ch;
        i += 1;
      }
    }
    this.flush();
    this.processEmphasis(null);
    return this.toNodes(this.topLevel(), false);
  }

  /** Reads a run of `*` or `_` and pushes it on the delimiter stack when it can open or close. */
  private readMarkers(start: number, char: '*' | '_'): number {
    const src = this.src;
    let end = start;
    while (end < src.length && src[end] === char) {
      this.steps++;
      end++;
    }
    const before = src[start - 1];
    const after = src[end];
    let canOpen = after !== undefined && !isWhitespace(after);
    let canClose = before !== undefined && !isWhitespace(before);
    if (char === '_') {
      // No `__bold__` in our subset, and `_` inside a word (snake_case) is not a marker.
      const single = end - start === 1;
      canOpen = canOpen && single && !isWordChar(before);
      canClose = canClose && single && !isWordChar(after);
    }
    if (!canOpen && !canClose) {
      this.buffer += src.slice(start, end);
      return end;
    }
    this.flush();
    const item = new Item('marker', char);
    item.count = end - start;
    this.append(item);
    const delimiter: Delimiter = { char, item, position: start, length: end - start, canOpen, canClose, prev: this.delimiters, next: null };
    if (this.delimiters) this.delimiters.next = delimiter;
    this.delimiters = delimiter;
    if (canClose && this.unclosed[char] > 0) this.unclosed[char]--;
    else if (canOpen) this.unclosed[char]++;
    return end;
  }

  /** `]` at `at`: a link when the nearest `[` is active and `(url)` follows; returns where to go on, or -1. */
  private closeBracket(at: number): number {
    const opener = this.brackets;
    if (!opener) return -1;
    this.brackets = opener.previous;
    if (opener.position <= this.lastLinkStart || this.src[at + 1] !== '(') return -1;
    const destination = this.linkDestination(at + 2);
    if (!destination || !this.hasNonBlank(opener.position + 1, at)) return -1;

    this.flush();
    this.processEmphasis(opener.previousDelimiter);
    const link = new Item('link', '', destination.href);
    this.adopt(link, opener.item.next, null);
    if (link.depth > MAX_INLINE_DEPTH) {
      // Too deep to be a link: the label stays as it is, between literal brackets.
      const group = new Item('group');
      this.unlink(opener.item);
      group.children.push(opener.item, ...link.children, new Item('text', ']'));
      group.depth = link.depth - 1;
      this.append(group);
      return at + 1;
    }
    this.unlink(opener.item);
    this.append(link);
    this.lastLinkStart = opener.position;
    this.unclosed = opener.unclosed;
    return destination.end;
  }

  /**
   * `(url)` after `](`: optional spaces, a URL up to the first `)`, space or `](`, optional
   * spaces, `)`. Stopping at `](` keeps the scans of different links apart: linear in all.
   */
  private linkDestination(from: number): { href: string; end: number } | null {
    const src = this.src;
    let j = this.skipWhitespace(from);
    const start = j;
    while (j < src.length && src[j] !== ')' && !isWhitespace(src[j]) && !(src[j] === ']' && src[j + 1] === '(')) {
      this.steps++;
      j++;
    }
    const hrefEnd = j;
    j = this.skipWhitespace(j);
    if (src[j] !== ')' || hrefEnd === start) return null;
    const href = src.slice(start, hrefEnd);
    this.steps += href.length;
    return isHttpUrl(href) ? { href, end: j + 1 } : null;
  }

  private skipWhitespace(from: number): number {
    let j = from;
    while (j < this.src.length && isWhitespace(this.src[j])) {
      this.steps++;
      j++;
    }
    return j;
  }

  /** Whether src[from, to) has a non-blank character; the scan stops at the first one. */
  private hasNonBlank(from: number, to: number): boolean {
    return this.skipWhitespace(from) < to;
  }

  /**
   * A bare URL at `start`; returns its end, or -1. Each word is scanned once: after a URL the
   * rest of the word is trailing punctuation, and a word that is not a URL is skipped whole.
   */
  private bareUrl(start: number): number {
    const src = this.src;
    const lower = src.slice(start, start + 8).toLowerCase();
    const schemeEnd = lower.startsWith('https://') ? start + 8 : lower.startsWith('http://') ? start + 7 : -1;
    this.steps += 8;
    if (schemeEnd < 0) return -1;
    let wordEnd = schemeEnd;
    let opens = 0;
    let closes = 0;
    while (wordEnd < src.length) {
      const ch = src[wordEnd];
      if (isWhitespace(ch) || URL_STOP.has(ch) || (ch === ']' && src[wordEnd + 1] === '(')) break;
      this.steps++;
      if (ch === '(') opens++;
      else if (ch === ')') closes++;
      wordEnd++;
    }
    if (wordEnd === schemeEnd) return -1;
    // Trailing punctuation is the sentence's, and a `*`/`_` may close emphasis opened before the URL.
    let end = wordEnd;
    while (end > schemeEnd) {
      const ch = src[end - 1];
      const closesEmphasis = (ch === '*' || ch === '_') && this.unclosed[ch] > 0 && src[end - 2] !== '\\';
      const trailing = TRAILING_PUNCTUATION.has(ch) || closesEmphasis;
      if (!trailing || (ch === ')' && opens >= closes)) break;
      this.steps++;
      if (ch === ')') closes--;
      end--;
    }
    const url = src.slice(start, end);
    this.steps += url.length;
    if (!isHttpUrl(url)) {
      this.noUrlBefore = wordEnd;
      return -1;
    }
    this.flush();
    const item = new Item('url', url);
    item.depth = 1; // it becomes a link
    this.append(item);
    return end;
  }

  /**
   * CommonMark's `process_emphasis` over the delimiters above `bottom`: each closer looks back
   * for an opener no further than `openersBottom` for its kind, so no stretch is scanned twice.
   * The bounds are positions, not delimiters: a bound delimiter may leave the stack when a
   * match removes what lies between, and the search must still stop where the last one did.
   */
  private processEmphasis(bottom: Delimiter | null): void {
    if (this.delimiters === bottom) return;
    // Indexed by marker, whether the closer can also open, and its length mod 3.
    const openersBottom: number[] = new Array<number>(12).fill(bottom ? bottom.position : -1);
    let closer = this.delimiters;
    while (closer !== null && closer.prev !== bottom) {
      this.steps++;
      closer = closer.prev;
    }
    while (closer !== null) {
      this.steps++;
      if (!closer.canClose) {
        closer = closer.next;
        continue;
      }
      const index = (closer.char === '*' ? 6 : 0) + (closer.canOpen ? 3 : 0) + (closer.length % 3);
      let opener = closer.prev;
      let found = false;
      while (opener !== null && opener !== bottom && opener.position > openersBottom[index]) {
        this.steps++;
        const oddMatch = (closer.canOpen || opener.canClose) && closer.length % 3 !== 0 && (opener.length + closer.length) % 3 === 0;
        if (opener.char === closer.char && opener.canOpen && !oddMatch) {
          found = true;
          break;
        }
        opener = opener.prev;
      }
      if (opener !== null && found) {
        closer = this.matchEmphasis(opener, closer);
        continue;
      }
      openersBottom[index] = closer.prev ? closer.prev.position : -1;
      const after: Delimiter | null = closer.next;
      if (!closer.canOpen) this.removeDelimiter(closer);
      closer = after;
    }
    while (this.delimiters !== null && this.delimiters !== bottom) {
      this.steps++;
      this.removeDelimiter(this.delimiters);
    }
  }

  /** Wraps what lies between the two runs in bold or italic; returns the closer to go on with. */
  private matchEmphasis(opener: Delimiter, closer: Delimiter): Delimiter | null {
    const use = opener.item.count >= 2 && closer.item.count >= 2 ? 2 : 1;
    const emphasis = new Item(use === 2 ? 'bold' : 'italic');
    this.adopt(emphasis, opener.item.next, closer.item);
    this.removeDelimitersBetween(opener, closer);
    if (emphasis.depth > MAX_INLINE_DEPTH) {
      // Too deep: both runs stay literal around what they enclose, and leave the stack.
      const group = new Item('group');
      group.children.push(opener.item, ...emphasis.children, closer.item);
      group.depth = emphasis.depth - 1;
      const before = opener.item.prev;
      this.unlink(opener.item);
      this.unlink(closer.item);
      this.insertAfter(before, group);
      const after = closer.next;
      this.removeDelimiter(opener);
      this.removeDelimiter(closer);
      return after;
    }
    opener.item.count -= use;
    closer.item.count -= use;
    this.insertAfter(opener.item, emphasis);
    if (opener.item.count === 0) {
      this.unlink(opener.item);
      this.removeDelimiter(opener);
    }
    if (closer.item.count === 0) {
      this.unlink(closer.item);
      const after = closer.next;
      this.removeDelimiter(closer);
      return after;
    }
    return closer;
  }

  /** Moves the top-level items from `first` up to (not including) `stop` into `parent`. */
  private adopt(parent: Item, first: Item | null, stop: Item | null): void {
    let item = first;
    let deepest = 0;
    while (item !== null && item !== stop) {
      this.steps++;
      const next: Item | null = item.next;
      this.unlink(item);
      parent.children.push(item);
      deepest = Math.max(deepest, item.depth);
      item = next;
    }
    parent.depth = deepest + 1;
  }

  private removeDelimitersBetween(opener: Delimiter, closer: Delimiter): void {
    while (closer.prev !== null && closer.prev !== opener) {
      this.steps++;
      this.removeDelimiter(closer.prev);
    }
  }

  private removeDelimiter(delimiter: Delimiter): void {
    if (delimiter.prev) delimiter.prev.next = delimiter.next;
    if (delimiter.next) delimiter.next.prev = delimiter.prev;
    else this.delimiters = delimiter.prev;
    delimiter.prev = null;
    delimiter.next = null;
  }

  private flush(): void {
    if (!this.buffer) return;
    this.append(new Item('text', this.buffer));
    this.buffer = '';
  }

  private append(item: Item): void {
    this.insertAfter(this.tail, item);
  }

  /** Inserts `item` after `before`, or first when `before` is null. */
  private insertAfter(before: Item | null, item: Item): void {
    item.prev = before;
    item.next = before ? before.next : this.head;
    if (item.next) item.next.prev = item;
    else this.tail = item;
    if (before) before.next = item;
    else this.head = item;
  }

  private unlink(item: Item): void {
    if (item.prev) item.prev.next = item.next;
    else this.head = item.next;
    if (item.next) item.next.prev = item.prev;
    else this.tail = item.prev;
    item.prev = null;
    item.next = null;
  }

  private topLevel(): Item[] {
    const items: Item[] = [];
    for (let item = this.head; item !== null; item = item.next) {
      this.steps++;
      items.push(item);
    }
    return items;
  }

  /**
   * The public node types: groups dissolve into their parent (iteratively, they may nest
   * deep), neighbouring text merges, a bare URL inside a link label is text.
   * Recursion follows bold/italic/link only, which nest at most `MAX_INLINE_DEPTH` deep.
   */
  private toNodes(items: Item[], insideLink: boolean): InlineNode[] {
    const nodes: InlineNode[] = [];
    let text = '';
    const flushText = (): void => {
      if (text) nodes.push({ type: 'text', text });
      text = '';
    };
    const pending: Item[] = [...items].reverse();
    this.steps += items.length;
    while (pending.length > 0) {
      this.steps++;
      const item = pending.pop() as Item;
      switch (item.kind) {
        case 'group':
          for (let k = item.children.length - 1; k >= 0; k--) pending.push(item.children[k]);
          this.steps += item.children.length;
          break;
        case 'text':
          text += item.text;
          break;
        case 'marker':
          text += item.text.repeat(item.count);
          this.steps += item.count;
          break;
        case 'url':
          if (insideLink) {
            text += item.text;
          } else {
            flushText();
            nodes.push({ type: 'link', href: item.text, children: [{ type: 'text', text: item.text }] });
          }
          break;
        case 'break':
          flushText();
          nodes.push({ type: 'break' });
          break;
        case 'bold':
        case 'italic':
          flushText();
          nodes.push({ type: item.kind, children: this.toNodes(item.children, insideLink) });
          break;
        case 'link':
          flushText();
          nodes.push({ type: 'link', href: item.href, children: this.toNodes(item.children, true) });
          break;
      }
    }
    flushText();
    return nodes;
  }
}

function isWhitespace(ch: string): boolean {
  return WHITESPACE.test(ch);
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

/** A URL may start right after `_` or `*` (`_https://…_`), not inside a word. */
function isLetterOrDigit(ch: string | undefined): boolean {
  return ch !== undefined && LETTER_OR_DIGIT.test(ch);
}
