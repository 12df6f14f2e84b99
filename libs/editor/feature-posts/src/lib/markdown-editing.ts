/** Formatting the toolbar and its shortcuts put into the text, in the markup of `@vestnik/platforms/rules`' markdown. */
export type Markup = 'bold' | 'italic';

/** The text after an edit and where the selection goes. */
export interface TextEdit {
  text: string;
  selectionStart: number;
  selectionEnd: number;
}

const MARKER: Record<Markup, string> = { bold: '**', italic: '*' };

/**
 * Wraps the selection in bold or italic markers, or removes them when it already is: the same
 * button switches the formatting on and off. Spaces at the edges stay outside the markers (an
 * opener followed by a space is not formatting), and an empty selection gets the markers with the
 * caret between them.
 */
export function toggleMarkup(text: string, start: number, end: number, markup: Markup): TextEdit {
  const [from, to] = start <= end ? [start, end] : [end, start];
  const selected = text.slice(from, to);
  const core = selected.trim();
  const coreStart = from + (core ? selected.indexOf(core) : selected.length);
  const coreEnd = coreStart + core.length;
  const marker = MARKER[markup];

  const before = starsBefore(text, coreStart);
  const after = starsAfter(text, coreEnd);
  if (core && isWrapped(before, after, markup)) {
    const n = marker.length;
    return {
      text: text.slice(0, coreStart - n) + core + text.slice(coreEnd + n),
      selectionStart: coreStart - n,
      selectionEnd: coreEnd - n,
    };
  }
  const inner = unwrapped(core, markup);
  if (inner !== null) {
    return { text: text.slice(0, coreStart) + inner + text.slice(coreEnd), selectionStart: coreStart, selectionEnd: coreStart + inner.length };
  }
  const wrapped = `${marker}${core}${marker}`;
  const caret = coreStart + marker.length;
  return {
    text: text.slice(0, coreStart) + wrapped + text.slice(coreEnd),
    selectionStart: caret,
    selectionEnd: caret + core.length,
  };
}

/** Puts `[label](url)` in place of the selection; with nothing selected the address is its own label, selected to be typed over. */
export function insertLink(text: string, start: number, end: number, url: string): TextEdit {
  const [from, to] = start <= end ? [start, end] : [end, start];
  const label = text.slice(from, to).trim() || url;
  // Brackets in the label would end it early: escape them as the parser allows.
  const safeLabel = label.replace(/([[\]\\])/g, '\\$1');
  const link = `[${safeLabel}](${url})`;
  return {
    text: text.slice(0, from) + link + text.slice(to),
    selectionStart: from + 1,
    selectionEnd: from + 1 + safeLabel.length,
  };
}

function starsBefore(text: string, at: number): number {
  let n = 0;
  while (at - n - 1 >= 0 && text[at - n - 1] === '*') n += 1;
  return n;
}

function starsAfter(text: string, at: number): number {
  let n = 0;
  while (at + n < text.length && text[at + n] === '*') n += 1;
  return n;
}

/** Bold is two stars on each side (or three: bold italic); italic an odd count (one, or three). */
function isWrapped(before: number, after: number, markup: Markup): boolean {
  return markup === 'bold' ? before >= 2 && after >= 2 : before % 2 === 1 && after % 2 === 1;
}

/** The selection itself includes the markers: answers its inside, or null when it does not. */
function unwrapped(core: string, markup: Markup): string | null {
  const lead = starsAfter(core, 0);
  const trail = starsBefore(core, core.length);
  if (lead === core.length) return null;
  if (markup === 'bold') return lead >= 2 && trail >= 2 ? core.slice(2, -2) : null;
  return lead % 2 === 1 && trail % 2 === 1 ? core.slice(1, -1) : null;
}
