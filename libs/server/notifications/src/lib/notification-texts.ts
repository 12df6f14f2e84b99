import { PLATFORMS, PLATFORM_TITLES, type Platform } from '@vestnik/platforms/rules';
import type { NotificationKind } from '@vestnik/contracts';
import { withoutSecrets } from './without-secrets';

export type PublicationNoticeKind = Extract<NotificationKind, 'publication_failed' | 'publication_unconfirmed' | 'publication_missed'>;

/** One page (channel) a notification speaks of, with the reason it gives for it. */
export interface ChannelMention {
  name: string;
  platform: string;
  reason: string | null;
}

export interface NoticeText {
  title: string;
  body: string;
}


/** Pages named one by one in a gathered notification; the rest are counted. */
const LISTED_CHANNELS = 5;
const LABEL_WORDS = 8;
const LABEL_LENGTH = 60;

/** The post as a person recognises it: its title, or the first words of its text without markup. */
/** Enough of a post's text to find its opening words after markup is removed. */
const LABEL_SOURCE_LENGTH = 400;

export function postLabel(title: string | null, text: string): string {
  // The label is the opening words: cutting the source first keeps the clean-up below cheap on any text
  // (the link pattern alone is quadratic on a long run of `[`).
  const source = (title?.trim() || text).slice(0, LABEL_SOURCE_LENGTH);
  const plain = source
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/[*_`#>~|]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!plain) return 'без текста';
  const words = plain.split(' ');
  let label = words.slice(0, LABEL_WORDS).join(' ');
  if (label.length > LABEL_LENGTH) label = label.slice(0, LABEL_LENGTH).replace(/\s+\S*$/, '') || label.slice(0, LABEL_LENGTH);
  return label.length < plain.length ? `${label.replace(/[\s.,;:!?—-]+$/, '')}…` : label;
}

const platformName = (platform: string): string => (PLATFORMS as readonly string[]).includes(platform) ? PLATFORM_TITLES[platform as Platform] : platform;
const page = (c: ChannelMention): string => `«${c.name}» (${platformName(c.platform)})`;
const reasonOf = (c: ChannelMention): string | null => (c.reason ? withoutSecrets(c.reason).replace(/[.\s]+$/, '') : null);

/** «в 1 канале», «в 12 каналах», «в 21 канале». */
export function inChannels(n: number): string {
  return `в ${n} ${n % 10 === 1 && n % 100 !== 11 ? 'канале' : 'каналах'}`;
}

const WHAT_TO_DO: Record<PublicationNoticeKind, string> = {
  publication_failed: 'Что сделать: откройте запись, устраните причину и нажмите «опубликовать снова».',
  publication_unconfirmed: 'Что сделать: проверьте страницу и отметьте «опубликовано» или «опубликовать снова».',
  publication_missed: 'Что сделать: если запись ещё нужна, нажмите «опубликовать снова»; если уже не нужна — ничего делать не надо.',
};

const TITLES: Record<PublicationNoticeKind, string> = {
  publication_failed: 'Не опубликовано',
  publication_unconfirmed: 'Не подтверждено, что вышло',
  publication_missed: 'Пропущено время публикации',
};

/** Title and body for a post's failed, unconfirmed or missed publications on one or more pages. */
export function publicationNotice(kind: PublicationNoticeKind, label: string, channels: ChannelMention[]): NoticeText {
  const title = `${TITLES[kind]}: «${label}»`;
  if (channels.length === 1) {
    const [c] = channels;
    const reason = reasonOf(c);
    const what = {
      publication_failed: `Запись «${label}» не вышла на странице ${page(c)}.`,
      publication_unconfirmed: `Неизвестно, вышла ли запись «${label}» на странице ${page(c)}: площадка не подтвердила публикацию, запись могла выйти.`,
      publication_missed: `Запись «${label}» не вышла вовремя на странице ${page(c)} и не будет отправлена с опозданием сама.`,
    }[kind];
    return { title, body: [what, reason ? `Причина: ${reason}.` : null, WHAT_TO_DO[kind]].filter(Boolean).join('\n') };
  }
  const where = inChannels(channels.length);
  const what = {
    publication_failed: `Запись «${label}» не опубликована ${where}:`,
    publication_unconfirmed: `Не подтверждено, что запись «${label}» вышла ${where}:`,
    publication_missed: `Запись «${label}» пропустила время публикации ${where}:`,
  }[kind];
  const lines = channels.slice(0, LISTED_CHANNELS).map((c) => {
    const reason = reasonOf(c);
    return `— ${page(c)}${reason ? `: ${reason}` : ''}`;
  });
  if (channels.length > LISTED_CHANNELS) lines.push(`— и ещё ${channels.length - LISTED_CHANNELS}`);
  return { title, body: [what, ...lines, WHAT_TO_DO[kind]].join('\n') };
}

/** Title and body for a page Vestnik can no longer publish to. */
export function channelNotice(c: ChannelMention): NoticeText {
  const reason = reasonOf(c);
  return {
    title: `Страница требует внимания: «${c.name}»`,
    body: [
      `Вестник не может публиковать на странице ${page(c)}.`,
      reason ? `Причина: ${reason}.` : null,
      'Что сделать: откройте страницу в разделе «Каналы» и подключите её заново (обновите ключ доступа или права). Пока страница не подключена, записи на неё не выходят, а просроченные будут пропущены.',
    ]
      .filter(Boolean)
      .join('\n'),
  };
}

/** Longest rejection comment quoted in a notification; the post's comments keep it whole. */
const QUOTED_COMMENT_LENGTH = 1000;

/** «1 сентября 2026 г., 10:00 (Asia/Sakhalin, UTC+11:00)»: the organization's wall-clock time, zone named. */
export function localTime(at: Date, timezone: string): string {
  const when = new Intl.DateTimeFormat('ru-RU', { timeZone: timezone, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(at);
  const offset = new Intl.DateTimeFormat('en-US', { timeZone: timezone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  return `${when} (${timezone}, ${/^GMT([+-]00:00)?$/.test(offset) ? 'UTC' : offset.replace('GMT', 'UTC')})`;
}

/** A post that awaits review, as a notice names it. */
export interface ReviewRequestText {
  label: string;
  organizationName: string;
  sentByName: string;
  how: 'submitted' | 'edited_after_approval';
  /** The publication time, written in the organization's zone. */
  when: string;
}

/** Title and body for the people who may approve a post now awaiting review. */
export function reviewRequestNotice(r: ReviewRequestText): NoticeText {
  const what =
    r.how === 'submitted'
      ? [`Запись «${r.label}» организации «${r.organizationName}» ждёт вашего согласования.`, `Кто отправил: ${r.sentByName}.`]
      : [`Согласованную запись «${r.label}» организации «${r.organizationName}» изменили, и она снова ждёт согласования: прежнее согласование больше не действует.`, `Кто изменил: ${r.sentByName}.`];
  return {
    title: `Ждёт согласования: «${r.label}»`,
    body: [
      ...what,
      `Время публикации: ${r.when}.`,
      'Что сделать: откройте раздел «На согласовании», посмотрите, что изменилось, и согласуйте запись или верните её на доработку с комментарием.',
    ].join('\n'),
  };
}

/** A review done, as its notice to the author says it. */
export interface ReviewOutcomeText {
  label: string;
  reviewerName: string;
  outcome: 'approved' | 'rejected';
  comment: string | null;
  when: string;
  channelCount: number;
}

/** Title and body for the author of a post approved or sent back. */
export function reviewOutcomeNotice(r: ReviewOutcomeText): NoticeText {
  if (r.outcome === 'approved') {
    return {
      title: `Согласовано: «${r.label}»`,
      body: [
        `Запись «${r.label}» согласована. Кто согласовал: ${r.reviewerName}.`,
        `Выйдет ${r.when} ${inChannels(r.channelCount)}.`,
        'Если запись изменить, она снова уйдёт на согласование.',
      ].join('\n'),
    };
  }
  const comment = (r.comment ?? '').trim();
  const quoted = comment.length > QUOTED_COMMENT_LENGTH ? `${comment.slice(0, QUOTED_COMMENT_LENGTH - 1)}…` : comment;
  return {
    title: `Возвращено на доработку: «${r.label}»`,
    body: [
      `Запись «${r.label}» возвращена на доработку. Кто вернул: ${r.reviewerName}.`,
      quoted ? `Комментарий: ${quoted}` : null,
      'Что сделать: исправьте запись по комментарию и снова отправьте её на согласование.',
    ]
      .filter(Boolean)
      .join('\n'),
  };
}

/** Russian plural: `forms` for 1, 2–4 and 5+ («публикация», «публикации», «публикаций»). */
export function plural(n: number, forms: [string, string, string]): string {
  const tens = Math.abs(n) % 100;
  const units = tens % 10;
  const form = tens >= 11 && tens <= 14 ? forms[2] : units === 1 ? forms[0] : units >= 2 && units <= 4 ? forms[1] : forms[2];
  return `${n} ${form}`;
}

/** «1 публикация», «2 публикации», «5 публикаций». */
export const publicationsCount = (n: number): string => plural(n, ['публикация', 'публикации', 'публикаций']);

/** As the object of a verb: «запланируйте 1 публикацию», «2 публикации», «5 публикаций». */
const publicationsToPlan = (n: number): string => plural(n, ['публикацию', 'публикации', 'публикаций']);

/** A page whose week will fall short of its minimum, as its warning names it. */
export interface MinimumWarningText {
  channel: { name: string; platform: string };
  organizationName: string;
  minimum: number;
  published: number;
  scheduled: number;
  /** How many more must be planned this week. */
  shortfall: number;
  /** The week's last day, written for people (e.g. «воскресенье, 20 января»). */
  weekEnds: string;
}

/** Title and body for the editors and supervisors of a page that will miss its weekly minimum. */
export function minimumWarningNotice(w: MinimumWarningText): NoticeText {
  const where = page({ ...w.channel, reason: null });
  return {
    title: `Не хватает публикаций на неделе: «${w.channel.name}»`,
    body: [
      `Страница ${where} организации «${w.organizationName}» не наберёт недельный минимум — ${publicationsCount(w.minimum)}.`,
      `На этой неделе опубликовано: ${w.published}, ждут публикации: ${w.scheduled}. Неделя заканчивается: ${w.weekEnds}.`,
      `Что сделать: запланируйте на эту неделю ещё ${publicationsToPlan(w.shortfall)} и отправьте на согласование (или согласуйте ожидающие).`,
    ].join('\n'),
  };
}
