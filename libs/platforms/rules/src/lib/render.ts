import { InlineNode, MarkdownDocument, parseMarkdown } from './markdown';
import { PostContent } from './content';

/** Telegram's (and MAX's) HTML escaping: exactly `&`, `<`, `>` (and `"` inside attribute values). */
export function escapeTelegramHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeTelegramAttribute(text: string): string {
  return escapeTelegramHtml(text).replace(/"/g, '&quot;');
}

export interface TelegramRendering {
  /** Body for `parse_mode=HTML`. */
  html: string;
  /** What the reader sees, i.e. the text "after entity parsing" that Telegram's limits count. */
  visibleText: string;
  /** Length as Telegram counts it: UTF-16 code units of the visible text. */
  visibleLength: number;
}

/** Renders content for Telegram; the optional link is appended when the text does not already carry it. */
export function renderTelegram(content: Pick<PostContent, 'text' | 'link'>): TelegramRendering {
  const { html, visibleText } = renderHtmlSubset(content);
  return { html, visibleText, visibleLength: visibleText.length };
}

/**
 * The `<b>`, `<i>`, `<a href>` HTML Telegram and MAX both take, everything else escaped, and the
 * text a reader sees; the optional link is appended when the text does not already carry it.
 */
function renderHtmlSubset(content: Pick<PostContent, 'text' | 'link'>): { html: string; visibleText: string } {
  const doc = withLinkParagraph(parseMarkdown(content.text), content.link);
  const html = doc.paragraphs.map((p) => p.children.map(toTelegramHtml).join('')).join('\n\n');
  const visibleText = doc.paragraphs.map((p) => p.children.map(toVisibleText).join('')).join('\n\n');
  return { html, visibleText };
}

export interface MaxRendering {
  /** Body for `format: "html"`: only `<b>`, `<i>` and `<a href>`, everything else escaped. */
  html: string;
  /** What the reader sees. */
  visibleText: string;
  /**
   * Length as MAX's 4,000 limit is checked: the `text` field as sent, markup included (the
   * schema bounds the field, and nothing says tags are not counted; so we count them).
   */
  sentLength: number;
}

/**
 * Renders content for MAX as HTML in the subset MAX keeps (it silently strips other tags, so we
 * never send any); the optional link is appended when the text does not already carry it, as for
 * Telegram, since MAX's message `link` means a reply or forward, not a URL.
 */
export function renderMax(content: Pick<PostContent, 'text' | 'link'>): MaxRendering {
  const { html, visibleText } = renderHtmlSubset(content);
  return { html, visibleText, sentLength: html.length };
}

/**
 * Plain text for VK and OK, which show no formatting: bold and italic drop their markers,
 * a labelled link is written out as "label (url)" so the address is never lost.
 * The optional link is not appended: VK and OK attach it as a snippet instead.
 */
export function renderPlainText(text: string): string {
  return parseMarkdown(text)
    .paragraphs.map((p) => p.children.map(toPlainText).join(''))
    .join('\n\n');
}

/** Telegram's visible text for markdown alone (no link appended): what the editor counts live. */
export function telegramVisibleText(text: string): string {
  return parseMarkdown(text)
    .paragraphs.map((p) => p.children.map(toVisibleText).join(''))
    .join('\n\n');
}

function withLinkParagraph(doc: MarkdownDocument, link: string | undefined): MarkdownDocument {
  if (!link || documentHasHref(doc, link)) return doc;
  const linkNode: InlineNode = { type: 'link', href: link, children: [{ type: 'text', text: link }] };
  return { paragraphs: [...doc.paragraphs, { type: 'paragraph', children: [linkNode] }] };
}

function documentHasHref(doc: MarkdownDocument, href: string): boolean {
  const visit = (nodes: InlineNode[]): boolean =>
    nodes.some((n) => (n.type === 'link' && n.href === href) || ('children' in n && visit(n.children)));
  return doc.paragraphs.some((p) => visit(p.children));
}

function toTelegramHtml(node: InlineNode): string {
  switch (node.type) {
    case 'text':
      return escapeTelegramHtml(node.text);
    case 'break':
      return '\n';
    case 'bold':
      return `<b>${node.children.map(toTelegramHtml).join('')}</b>`;
    case 'italic':
      return `<i>${node.children.map(toTelegramHtml).join('')}</i>`;
    case 'link':
      return `<a href="${escapeTelegramAttribute(node.href)}">${node.children.map(toTelegramHtml).join('')}</a>`;
  }
}

function toVisibleText(node: InlineNode): string {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'break':
      return '\n';
    default:
      return node.children.map(toVisibleText).join('');
  }
}

function toPlainText(node: InlineNode): string {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'break':
      return '\n';
    case 'bold':
    case 'italic':
      return node.children.map(toPlainText).join('');
    case 'link': {
      const label = node.children.map(toPlainText).join('');
      return label.trim() === node.href ? node.href : `${label} (${node.href})`;
    }
  }
}
