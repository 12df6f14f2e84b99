import { PLATFORMS, type FieldError, type Platform, type PostProblem } from '@vestnik/contracts';
import type { ApiFailure } from '@vestnik/editor/data-access';
import type { Translate } from '@vestnik/editor/i18n';

/** Where the composer shows a problem: the path of the control it concerns, or `post` for the post as a whole. */
export type ComposerField = 'text' | `variants.${Platform}.text` | 'title' | 'link' | 'rubric' | 'mediaIds' | 'channelIds' | 'scheduledAt' | 'post';

const DIRECT = new Set<string>(['text', ...PLATFORMS.map((p) => `variants.${p}.text`), 'title', 'link', 'rubric', 'mediaIds', 'channelIds', 'scheduledAt']);

/** The control a server field belongs to: `images[2]`, `mediaIds.0` → the images; `channelIds.3` → the pages. */
export function composerFieldOf(field: string): ComposerField {
  if (DIRECT.has(field)) return field as ComposerField;
  if (field === 'images' || /^images\[\d+\]$/.test(field) || /^mediaIds\.\d+$/.test(field)) return 'mediaIds';
  if (/^channelIds\.\d+$/.test(field)) return 'channelIds';
  return 'post';
}

/** Problems that say the same thing about several pages, said once with the pages named. */
export interface ProblemGroup {
  field: ComposerField;
  code: string;
  message: string;
  channels: string[];
}

/**
 * Groups the server's problems: a text too long for Telegram is one problem of 118 channels, not
 * 118 lines. The channel's name, which the server puts before each message, is moved to the list.
 */
export function groupProblems(problems: readonly PostProblem[]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const problem of problems) {
    const prefix = problem.channelName ? `${problem.channelName}: ` : '';
    const message = prefix && problem.message.startsWith(prefix) ? problem.message.slice(prefix.length) : problem.message;
    const field = composerFieldOf(problem.field);
    const key = `${field}\u0000${problem.code}\u0000${message}`;
    const group = groups.get(key) ?? { field, code: problem.code, message, channels: [] };
    if (problem.channelName && !group.channels.includes(problem.channelName)) group.channels.push(problem.channelName);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** "Школа № 5 (ВК), Школа № 7 (ВК), Гимназия 1 и ещё 115": a long list of pages, shortened. */
export function namePages(names: readonly string[], t: Translate, shown = 3): string {
  if (names.length <= shown + 1) return names.join(', ');
  return t('posts.problems.andMore', { names: names.slice(0, shown).join(', '), count: names.length - shown });
}

/**
 * Server field errors for list items (`channelIds.3`, `mediaIds.0`) name an index the person never
 * saw: they are moved to the list's control and say which page or image they mean.
 */
export function placeItemErrors(
  failure: ApiFailure,
  sent: { channelIds: readonly string[]; mediaIds: readonly string[] },
  names: { channel: (id: string) => string | null; image: (id: string) => string | null },
  t: Translate,
): ApiFailure {
  if (!failure.errors?.length) return failure;
  const errors: FieldError[] = failure.errors.map((error) => {
    const channel = /^channelIds\.(\d+)$/.exec(error.field);
    if (channel) {
      const id = sent.channelIds[Number(channel[1])];
      const name = id ? names.channel(id) : null;
      return {
        ...error,
        field: 'channelIds',
        message: name ? t('posts.problems.pageUnavailable', { name }) : t('posts.problems.pageUnavailableNumber', { number: Number(channel[1]) + 1 }),
      };
    }
    const image = /^mediaIds\.(\d+)$/.exec(error.field);
    if (image) {
      const index = Number(image[1]);
      const id = sent.mediaIds[index];
      const name = id ? names.image(id) : null;
      return {
        ...error,
        field: 'mediaIds',
        message: name ? t('posts.problems.imageMissingNamed', { number: index + 1, name }) : t('posts.problems.imageMissing', { number: index + 1 }),
      };
    }
    return error;
  });
  return { ...failure, errors };
}
