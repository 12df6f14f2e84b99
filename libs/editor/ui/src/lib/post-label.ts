import type { Translate } from '@vestnik/editor/i18n';

/** Enough of a text to find its opening words after markup is removed. */
const LABEL_SOURCE_LENGTH = 400;
const LABEL_LENGTH = 80;

/**
 * The post as a person recognises it in a list, a calendar or a notice: its internal title, or the
 * opening words of its text without the editor's markup («Без текста» when it has neither).
 */
export function postLabel(title: string | null | undefined, text: string, t: Translate, maxLength = LABEL_LENGTH): string {
  // Cut first: the clean-up below then stays cheap on any text (the link pattern is quadratic on a run of `[`).
  const source = (title?.trim() || text).slice(0, LABEL_SOURCE_LENGTH);
  const plain = source
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/[*_`#>~|]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!plain) return t('posts.label.noText');
  if (plain.length <= maxLength) return plain;
  const cut = plain.slice(0, maxLength).replace(/\s+\S*$/, '') || plain.slice(0, maxLength);
  return `${cut.replace(/[\s.,;:!?—-]+$/, '')}…`;
}
