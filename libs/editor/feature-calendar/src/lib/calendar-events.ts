import { PLATFORMS, roleAtLeast, type Platform, type PostStatus, type PostView, type Role, type Rubric } from '@vestnik/contracts';
import type { Translate } from '@vestnik/editor/i18n';

/** Rubric colours: white text reads on each (contrast above 4.5:1), and a letter (`rubricLetter`) says the same without colour. */
export const RUBRIC_STYLES: Readonly<Record<Rubric, { color: string }>> = {
  official: { color: '#0b4f8a' },
  useful: { color: '#1d6b32' },
  entertaining: { color: '#a3410f' },
};

/** The rubric's first letter in the interface's language (О, П, Р; O, U, E). */
export function rubricLetter(rubric: Rubric, t: Translate): string {
  return t(`calendar.rubricLetter.${rubric}`);
}

/** A symbol per status, from fonts every system has (no emoji); the label says it in words. */
export const STATUS_MARKS: Readonly<Record<PostStatus, string>> = {
  draft: '✎',
  in_review: '?',
  scheduled: '◷',
  publishing: '↻',
  published: '✓',
  partially_published: '◐',
  failed: '✕',
  cancelled: '⊘',
};

/** Statuses in which the server still accepts a new time: nothing has gone out yet. */
const MOVABLE: readonly PostStatus[] = ['draft', 'in_review', 'scheduled'];

/** What the calendar keeps about a post beside FullCalendar's own fields. */
export interface PostEventProps {
  postId: string;
  label: string;
  rubric: Rubric;
  status: PostStatus;
  platforms: Platform[];
  /** Spoken by screen readers after the title: rubric, status and platforms in words. */
  description: string;
  /** The rubric's letter and the platforms' short names, in the language of the description. */
  rubricLetter: string;
  platformsShort: string;
}

/** FullCalendar's event input, as far as the calendar fills it. */
export interface PostEvent {
  id: string;
  title: string;
  /** The UTC instant in milliseconds: read without parsing a string for each of hundreds of posts. */
  start: number;
  url: string;
  allDay: false;
  startEditable: boolean;
  durationEditable: false;
  color: string;
  contrastColor: string;
  className: string;
  extendedProps: PostEventProps;
}

/** The platforms a post goes to, each once, in a fixed order. */
export function platformsOf(post: Pick<PostView, 'publications'>): Platform[] {
  const present = new Set(post.publications.map((p) => p.platform));
  return PLATFORMS.filter((p) => present.has(p));
}

/** Whether this person may drag the post to another time: an editor of its organization, while it has not gone out. */
export function canReschedule(post: Pick<PostView, 'status'>, role: Role | undefined): boolean {
  return !!role && roleAtLeast(role, 'editor') && MOVABLE.includes(post.status);
}

/**
 * One calendar event per post, placed by its UTC instant: FullCalendar shows it in the calendar's
 * named zone (the organization's), so the browser's own zone never matters. `label` names the post
 * (ui's `postLabel`); its words are in the language of `t`.
 */
export function postToEvent(post: PostView, role: Role | undefined, label: string, t: Translate): PostEvent {
  const style = RUBRIC_STYLES[post.rubric];
  const platforms = platformsOf(post);
  const description = [
    t(`common.rubric.${post.rubric}`),
    t(`common.postStatus.${post.status}`),
    platforms.length ? platforms.map((p) => t(`common.platform.name.${p}`)).join(', ') : t('calendar.event.noPages'),
  ].join('; ');
  const platformsShort = platforms.map((p) => t(`common.platform.short.${p}`)).join(' ');
  return {
    id: post.id,
    title: label,
    start: Date.parse(post.scheduledAt),
    url: `/posts/${encodeURIComponent(post.id)}`,
    allDay: false,
    startEditable: canReschedule(post, role),
    durationEditable: false,
    color: style.color,
    contrastColor: '#ffffff',
    className: `vn-post vn-post--${post.rubric} vn-post--${post.status.replace(/_/g, '-')}`,
    extendedProps: { postId: post.id, label, rubric: post.rubric, status: post.status, platforms, description, rubricLetter: rubricLetter(post.rubric, t), platformsShort },
  };
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** How much of a post an event shows: a month's cell and a week's column are narrow, the list is wide. */
export interface EventLayout {
  /** The time beside the title (the week's grid says it by position; the list has a column for it). */
  showTime: boolean;
  showPlatforms: boolean;
  /** Titles may take more lines. */
  wrap: boolean;
}

/**
 * The inside of an event: rubric letter, time, status mark, title and platforms, and all of it in
 * words for screen readers (the time too, where it is not shown). Built as a string: hundreds of
 * events render without an Angular view each.
 */
export function eventHtml(props: PostEventProps, timeText: string, layout: EventLayout): string {
  const platforms = layout.showPlatforms ? escapeHtml(props.platformsShort) : '';
  const parts = [
    `<span class="vn-ev__rubric" aria-hidden="true">${escapeHtml(props.rubricLetter)}</span>`,
    layout.showTime && timeText ? `<span class="vn-ev__time">${escapeHtml(timeText)}</span>` : '',
    `<span class="vn-ev__status" aria-hidden="true">${STATUS_MARKS[props.status]}</span>`,
    `<span class="vn-ev__title">${escapeHtml(props.label)}</span>`,
    platforms ? `<span class="vn-ev__platforms" aria-hidden="true">${platforms}</span>` : '',
    `<span class="visually-hidden">. ${!layout.showTime && timeText ? `${escapeHtml(timeText)}; ` : ''}${escapeHtml(props.description)}</span>`,
  ];
  // The whole title and status on hover: a month's cell shows only the opening.
  const hint = escapeHtml(`${timeText ? `${timeText} ` : ''}${props.label}\n${props.description}`);
  return `<span class="vn-ev${layout.wrap ? ' vn-ev--wrap' : ''}" title="${hint}">${parts.join('')}</span>`;
}

/** Building a formatter costs far more than using one: one per zone serves every post and day cell. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** `2026-09-01`: the calendar day of an instant in the zone. */
export function dayKey(instant: Date | string, timeZone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  let year = '';
  let month = '';
  let day = '';
  for (const part of format.formatToParts(date)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year}-${month}-${day}`;
}

/** The days of the zone on which at least one of the posts is scheduled. */
export function busyDays(posts: readonly Pick<PostView, 'scheduledAt'>[], timeZone: string): Set<string> {
  const days = new Set<string>();
  for (const post of posts) days.add(dayKey(post.scheduledAt, timeZone));
  return days;
}

const toUtcDay = (key: string) => Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, Number(key.slice(8, 10)));
const fromUtcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Every `YYYY-MM-DD` from `first` up to and not including `end` (calendar dates, no zone involved). */
export function daysBetween(first: string, end: string): string[] {
  const days: string[] = [];
  for (let t = toUtcDay(first), stop = toUtcDay(end); t < stop; t += 86_400_000) days.push(fromUtcDay(t));
  return days;
}

/**
 * The hours `[first, end)` of the zone's day that hold every post, at least the given working day:
 * the week view spans them, so no post falls outside the grid.
 */
export function hourSpan(posts: readonly Pick<PostView, 'scheduledAt'>[], timeZone: string, workday: { first: number; end: number }): { first: number; end: number } {
  const hourOf = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
  let { first, end } = workday;
  for (const post of posts) {
    const hour = Number(hourOf.format(new Date(post.scheduledAt)));
    if (hour < first) first = hour;
    if (hour + 1 > end) end = hour + 1;
  }
  return { first, end };
}

/** What a view shows: the grid's days (with the neighbouring months' in a month) and the period's own. */
export interface ViewDays {
  view: string;
  /** First day of the grid, and the day after its last: what the API is asked for. */
  gridFirst: string;
  gridEnd: string;
  /** The period itself: the month, or the week. */
  first: string;
  end: string;
}

/** Monday on or before the day (weeks start on Monday in Russia). */
const mondayOf = (key: string) => {
  const ms = toUtcDay(key);
  return fromUtcDay(ms - ((new Date(ms).getUTCDay() + 6) % 7) * 86_400_000);
};

/**
 * The days a view opens on, computed the way the calendar lays them out (weeks from Monday, a month
 * in whole weeks): the posts are asked for before the calendar is drawn, so it is drawn once, with them.
 */
export function viewDays(view: string, anchor: string): ViewDays {
  if (view === 'dayGridMonth') {
    const first = `${anchor.slice(0, 7)}-01`;
    const [y, m] = [Number(anchor.slice(0, 4)), Number(anchor.slice(5, 7))];
    const end = fromUtcDay(Date.UTC(y, m, 1));
    const lastMonday = mondayOf(fromUtcDay(toUtcDay(end) - 86_400_000));
    return { view, gridFirst: mondayOf(first), gridEnd: fromUtcDay(toUtcDay(lastMonday) + 7 * 86_400_000), first, end };
  }
  const first = mondayOf(anchor);
  const end = fromUtcDay(toUtcDay(first) + 7 * 86_400_000);
  return { view, gridFirst: first, gridEnd: end, first, end };
}
