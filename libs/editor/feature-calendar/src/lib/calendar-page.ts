import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, input, linkedSignal, resource, signal, untracked, viewChild } from '@angular/core';
import { Router } from '@angular/router';
import {
  FullCalendarModule,
  type CalendarOptions,
  type DatesSetInfo,
  type DateSpanApi,
  type DayCellInfo,
  type EventClickInfo,
  type EventDisplayInfo,
  type EventDropInfo,
} from '@fullcalendar/angular';
import dayGridPlugin from '@fullcalendar/angular/daygrid';
import interactionPlugin from '@fullcalendar/angular/interaction';
import listPlugin from '@fullcalendar/angular/list';
import timeGridPlugin from '@fullcalendar/angular/timegrid';
import classicTheme from '@fullcalendar/angular/themes/classic';
import enGbLocale from 'fullcalendar/locales/en-gb';
import ruLocale from 'fullcalendar/locales/ru';
import { PLATFORMS, POST_STATUSES, RUBRICS, type ChannelView, type PostStatus, type PostView, type Rubric } from '@vestnik/contracts';
import { API_BASE, CurrentOrganization, PostsApi, toApiFailure, type OrganizationNode } from '@vestnik/editor/data-access';
import { I18n, type Language, type Translate } from '@vestnik/editor/i18n';
import { AlertMessage, describeTimeZone, postLabel } from '@vestnik/editor/ui';
import { firstValueFrom, fromEvent, takeUntil } from 'rxjs';
import { busyDays, dayKey, daysBetween, eventHtml, hourSpan, postToEvent, RUBRIC_STYLES, rubricLetter, STATUS_MARKS, viewDays, type EventLayout, type PostEventProps, type ViewDays } from './calendar-events';
import { filterPosts, isFiltered, subtreeOf, type CalendarFilters } from './calendar-filters';
import { loadFullCalendarStylesheet } from './fullcalendar-stylesheet';

/** The API's largest page; a month of a big region takes a few. */
const PAGE_SIZE = 500;
/** Beyond this the range is too wide to draw usefully: the person is told to narrow it. */
const MOST_POSTS = 5_000;
/** The server refuses times less than a minute ahead; a drop there would only come back. */
const LEAD_MS = 60_000;
const VIEWS = ['dayGridMonth', 'timeGridWeek', 'listWeek'] as const;

/** FullCalendar's own locale per language (its dates, week start, the rest of its words), with our words over it. */
const CALENDAR_LOCALES = { ru: ruLocale, en: enGbLocale } satisfies Record<Language, unknown>;

function calendarLocale(lang: Language, t: Translate) {
  return {
    ...CALENDAR_LOCALES[lang],
    todayText: t('calendar.toolbar.today'),
    monthText: t('calendar.toolbar.month'),
    weekTextLong: t('calendar.toolbar.week'),
    dayText: t('calendar.toolbar.day'),
    listText: t('calendar.toolbar.list'),
    noEventsText: t('calendar.toolbar.noEvents'),
    moreLinkText: (n: number) => t('calendar.toolbar.more', { count: n }),
    moreLinkHint: (n: number) => t('calendar.toolbar.moreHint', { count: n }),
    prevHint: t('calendar.toolbar.previousHint'),
    nextHint: t('calendar.toolbar.nextHint'),
    todayHint: t('calendar.toolbar.todayHint'),
    closeHint: t('common.action.close'),
    eventsHint: t('calendar.toolbar.eventsHint'),
  };
}

interface LoadedPosts {
  items: PostView[];
  total: number;
}

interface PendingMove {
  label: string;
  when: string;
  answer: (move: boolean) => void;
}

interface Notice {
  tone: 'success' | 'error';
  text: string;
}

/**
 * Posts of the organization and its subtree by scheduled time, in the organization's zone: a month,
 * a week, or a list for keyboards and screen readers. Coloured by rubric (with a letter), marked with
 * status and platforms; filtered on the loaded range; a post dragged to another time is rescheduled
 * when the server agrees, and snaps back with its reason when it does not.
 */
@Component({
  selector: 'vn-calendar-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FullCalendarModule, AlertMessage],
  templateUrl: './calendar-page.html',
  styleUrl: './calendar-page.css',
})
export class CalendarPage {
  /** Query parameters: the view and a date in it, so a reload or a link keeps the place. */
  readonly view = input<string>();
  readonly date = input<string>();

  private readonly current = inject(CurrentOrganization);
  private readonly api = inject(PostsApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  private readonly moveDialog = viewChild<ElementRef<HTMLDialogElement>>('moveDialog');

  protected readonly stylesReady = signal(false);
  protected readonly organization = this.current.organization;
  protected readonly zone = this.current.timezone;
  protected readonly zoneText = computed(() => {
    const zone = this.zone();
    return zone ? describeTimeZone(zone, this.t) : '';
  });

  /**
   * The days shown. Known before the calendar is drawn (from the URL, else today in the zone), so the
   * posts are asked for at once and the calendar is drawn once, with them; then it follows `datesSet`.
   */
  private readonly range = linkedSignal<string | null, ViewDays | null>({
    source: this.zone,
    computation: (zone) => {
      if (!zone) return null;
      const { view, date } = untracked(() => ({ view: this.view(), date: this.date() }));
      return viewDays(VIEWS.find((v) => v === view) ?? 'dayGridMonth', date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : dayKey(new Date(), zone));
    },
    equal: sameDays,
  });

  protected readonly posts = resource({
    params: () => {
      const organizationId = this.current.id();
      const range = this.range();
      // Local midnights: the API reads them in the zone of the organization asked about, the calendar's zone.
      return organizationId && range ? { organizationId, from: `${range.gridFirst}T00:00`, to: `${range.gridEnd}T00:00` } : undefined;
    },
    loader: ({ params, abortSignal }) => this.loadAll(params, abortSignal),
  });
  private readonly loaded = computed<PostView[]>(() => (this.posts.hasValue() ? this.posts.value().items : []));
  protected readonly truncated = computed(() => (this.posts.hasValue() && this.posts.value().total > this.posts.value().items.length ? this.posts.value() : null));
  protected readonly loadFailure = computed(() => {
    const error = this.posts.error();
    return error ? toApiFailure(error) : null;
  });

  /** Every page of the subtree, for the channel filter. */
  protected readonly channels = httpResource<ChannelView[]>(() => {
    const id = this.current.id();
    return id ? { url: `${API_BASE}/channels`, params: { organizationId: id } } : undefined;
  });

  // Filters start over in another organization: its pages and sub-organizations are others.
  protected readonly rubrics = signal<ReadonlySet<Rubric>>(new Set(RUBRICS));
  protected readonly status = signal<PostStatus | null>(null);
  protected readonly channelId = linkedSignal<string | null, string | null>({ source: this.current.id, computation: () => null });
  protected readonly organizationId = linkedSignal<string | null, string | null>({ source: this.current.id, computation: () => null });

  private readonly filters = computed<CalendarFilters>(() => ({
    rubrics: this.rubrics(),
    status: this.status(),
    channelId: this.channelId(),
    organizationId: this.organizationId(),
  }));
  protected readonly filtered = computed(() => isFiltered(this.filters()));
  private readonly within = computed(() => {
    const id = this.organizationId();
    return id ? subtreeOf(id, [...this.current.byId().values()]) : null;
  });
  protected readonly shown = computed(() => filterPosts(this.loaded(), this.filters(), this.within()));
  private readonly byId = computed(() => new Map(this.loaded().map((p) => [p.id, p])));
  protected readonly events = computed(() => {
    const organizations = this.current.byId();
    const t = this.t;
    return this.shown().map((p) => postToEvent(p, organizations.get(p.organizationId)?.myRole, postLabel(p.title, p.text, t, 70), t));
  });

  /** Whether any shown post may be dragged by this person (the hint is not offered to viewers). */
  protected readonly movable = computed(() => this.events().some((e) => e.startEditable));

  protected readonly rubricChoices = computed(() => RUBRICS.map((r) => ({ id: r, label: this.t(`common.rubric.${r}`), letter: rubricLetter(r, this.t), ...RUBRIC_STYLES[r] })));
  protected readonly statusChoices = computed(() => POST_STATUSES.map((s) => ({ id: s, label: this.t(`common.postStatus.${s}`), mark: STATUS_MARKS[s] })));
  protected readonly platformChoices = computed(() => PLATFORMS.map((p) => ({ id: p, short: this.t(`common.platform.short.${p}`), title: this.t(`common.platform.name.${p}`) })));
  protected readonly organizationChoices = computed(() => {
    const id = this.current.id();
    const root = id ? findNode(this.current.tree(), id) : null;
    return root ? flatten(root.children, 1) : [];
  });
  protected readonly channelChoices = computed(() => {
    const within = this.within();
    const channels = this.channels.hasValue() ? this.channels.value() : [];
    const collator = this.i18n.collator();
    return channels
      .filter((c) => !within || within.has(c.organizationId))
      .map((c) => ({ id: c.id, label: `${c.name} (${this.t(`common.platform.name.${c.platform}`)})` }))
      .sort((a, b) => collator.compare(a.label, b.label));
  });

  /** Days of the organization's zone with at least one shown post. */
  private readonly busy = computed(() => {
    const zone = this.zone();
    return zone ? busyDays(this.shown(), zone) : new Set<string>();
  });

  /** Days of the shown period without a single post (after filters): gaps in the plan. */
  protected readonly emptyDays = computed(() => {
    const range = this.range();
    const zone = this.zone();
    if (!range || !zone || !this.posts.hasValue()) return null;
    const busy = this.busy();
    const today = dayKey(new Date(), zone);
    const empty = daysBetween(range.first, range.end).filter((d) => !busy.has(d));
    return { all: empty.length, ahead: empty.filter((d) => d >= today).length, inMonth: range.view === 'dayGridMonth' };
  });

  /**
   * The calendar is drawn once its stylesheet and the first posts (or their failure) are in: drawing
   * an empty grid first and again with 600 posts would cost a second full render. Once drawn it stays.
   */
  protected readonly drawn = linkedSignal<boolean, boolean>({
    source: () => this.stylesReady() && (this.posts.hasValue() || !!this.posts.error()),
    computation: (ready, previous) => ready || !!previous?.value,
  });

  /**
   * The posts reach FullCalendar one task after its first drawing of the grid: two shorter tasks
   * on the main thread instead of one long one (a month of 600 posts took ~200 ms in one).
   */
  protected readonly postsHandedOver = signal(false);
  protected readonly noEvents: never[] = [];
  private readonly handOver = effect(() => {
    if (!this.drawn() || untracked(() => this.postsHandedOver())) return;
    setTimeout(() => this.postsHandedOver.set(true));
  });

  protected readonly pendingMove = signal<PendingMove | null>(null);
  protected readonly notice = signal<Notice | null>(null);

  private readonly openPost = (info: EventClickInfo) => {
    info.jsEvent.preventDefault();
    void this.router.navigateByUrl(info.event.url);
  };
  private readonly renderEvent = (arg: EventDisplayInfo) => ({
    html: eventHtml(arg.event.extendedProps as PostEventProps, arg.timeText, layoutOf(arg.view.type, arg.isNarrow)),
  });
  private readonly allowMove = (span: DateSpanApi) => span.start.getTime() > Date.now() + LEAD_MS;
  private readonly movePost = (info: EventDropInfo) => void this.reschedule(info);
  private readonly rangeChanged = (info: DatesSetInfo) => this.onRange(info);

  /** A day without posts is hatched: an empty day in the plan shows at a glance. */
  private readonly dayCellClass = computed(() => {
    const zone = this.zone();
    const busy = this.busy();
    const loading = !this.posts.hasValue();
    return (info: Pick<DayCellInfo, 'date' | 'isOther'>) => (loading || !zone || info.isOther || busy.has(dayKey(info.date, zone)) ? '' : 'vn-day--empty');
  });

  /** Hours of the day the week view spans: 8 to 21, or wider when a post is earlier or later. */
  private readonly hours = computed(() => {
    const zone = this.zone();
    return zone ? hourSpan(this.shown(), zone, { first: 8, end: 21 }) : { first: 8, end: 21 };
  });

  protected readonly options = computed<CalendarOptions | null>(() => {
    const zone = this.zone();
    if (!zone) return null;
    const initial = untracked(() => this.range());
    const hours = this.hours();
    return {
      plugins: [classicTheme, dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin],
      locale: calendarLocale(this.i18n.lang(), this.t),
      timeZone: zone,
      initialView: initial?.view ?? 'dayGridMonth',
      ...(initial ? { initialDate: initial.first } : {}),
      headerToolbar: { start: 'prev,next today', center: 'title', end: 'dayGridMonth,timeGridWeek,listWeek' },
      headingLevel: 2,
      // «11–17 января 2027 г.» over a week, not only the month.
      views: { timeGridWeek: { titleFormat: { year: 'numeric', month: 'long', day: 'numeric' } } },
      height: 'auto',
      firstDay: 1,
      fixedWeekCount: false,
      allDaySlot: false,
      nowIndicator: true,
      scrollTime: '08:00:00',
      defaultTimedEventDuration: '00:30:00',
      eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
      slotHeaderFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
      eventDisplay: 'block',
      dayMaxEvents: 4,
      dayNarrowWidth: 150,
      // A week's column holds one post side by side at most, with its title; the rest are behind «ещё N».
      eventMaxStack: 1,
      // The week shows the working day, widened to the earliest and latest post: none is ever out of sight.
      slotMinTime: `${String(hours.first).padStart(2, '0')}:00:00`,
      slotMaxTime: `${String(hours.end).padStart(2, '0')}:00:00`,
      eventDurationEditable: false,
      eventContent: this.renderEvent,
      eventClick: this.openPost,
      eventAllow: this.allowMove,
      eventDrop: this.movePost,
      datesSet: this.rangeChanged,
      dayCellClass: this.dayCellClass(),
      dayLaneClass: this.dayCellClass(),
    };
  });

  constructor() {
    void loadFullCalendarStylesheet().then(() => this.stylesReady.set(true));
  }

  protected toggleRubric(rubric: Rubric, on: boolean): void {
    const next = new Set(this.rubrics());
    if (on) next.add(rubric);
    else next.delete(rubric);
    this.rubrics.set(next);
  }

  protected resetFilters(): void {
    this.rubrics.set(new Set(RUBRICS));
    this.status.set(null);
    this.channelId.set(null);
    this.organizationId.set(null);
  }

  protected chooseStatus(value: string): void {
    this.status.set((POST_STATUSES as readonly string[]).includes(value) ? (value as PostStatus) : null);
  }

  protected answerMove(move: boolean): void {
    const pending = this.pendingMove();
    if (!pending) return;
    this.pendingMove.set(null);
    this.moveDialog()?.nativeElement.close();
    pending.answer(move);
  }

  private onRange(info: DatesSetInfo): void {
    const zone = this.zone();
    if (!zone) return;
    const next: ViewDays = {
      view: info.view.type,
      gridFirst: dayKey(info.start, zone),
      gridEnd: dayKey(info.end, zone),
      first: dayKey(info.view.currentStart, zone),
      end: dayKey(info.view.currentEnd, zone),
    };
    const previous = this.range();
    if (previous && sameDays(previous, next)) return;
    this.range.set(next);
    void this.router.navigate([], { queryParams: { view: next.view, date: next.first }, queryParamsHandling: 'merge', replaceUrl: true });
  }

  /** The server decides: a refused move snaps back with its reason; an approved post is asked about first. */
  private async reschedule(info: EventDropInfo): Promise<void> {
    const post = this.byId().get(info.event.id);
    const start = info.event.start;
    const zone = this.zone();
    if (!post || !start || !zone) {
      info.revert();
      return;
    }
    const label = (info.event.extendedProps as PostEventProps).label;
    const when = this.i18n.date(start, { timeZone: zone, day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
    this.notice.set(null);
    if (post.status === 'scheduled' && !(await this.confirmBackToReview(label, when))) {
      info.revert();
      return;
    }
    try {
      const updated = await firstValueFrom(this.api.update(post.id, { scheduledAt: start.toISOString(), version: post.version }));
      this.replace(updated);
      const back = post.status === 'scheduled' && updated.status === 'in_review';
      this.notice.set({ tone: 'success', text: back ? this.t('calendar.move.movedBackToReview', { label, when }) : this.t('calendar.move.moved', { label, when }) });
    } catch (error) {
      info.revert();
      const failure = toApiFailure(error);
      if (failure.code === 'stale_version') {
        // Someone changed the post since the calendar loaded: show what is there now, then let the person decide again.
        this.posts.reload();
        this.notice.set({ tone: 'error', text: this.t('calendar.move.stale', { label }) });
      } else {
        this.notice.set({ tone: 'error', text: this.t('calendar.move.refused', { label, reason: failure.message }) });
      }
    }
  }

  private confirmBackToReview(label: string, when: string): Promise<boolean> {
    return new Promise((resolve) => {
      this.pendingMove.set({ label, when, answer: resolve });
      // The dialog is in the template already; it opens modal so the calendar cannot be touched meanwhile.
      queueMicrotask(() => this.moveDialog()?.nativeElement.showModal());
    });
  }

  private replace(updated: PostView): void {
    if (!this.posts.hasValue()) return;
    const value = this.posts.value();
    this.posts.set({ ...value, items: value.items.map((p) => (p.id === updated.id ? updated : p)) });
  }

  /** The whole range, page after page: a month of a region can hold more than one page. */
  private async loadAll(params: { organizationId: string; from: string; to: string }, abortSignal: AbortSignal): Promise<LoadedPosts> {
    const abort$ = fromEvent(abortSignal, 'abort');
    const items: PostView[] = [];
    let total = 0;
    do {
      const page = await firstValueFrom(this.api.list({ ...params, limit: PAGE_SIZE, offset: items.length }).pipe(takeUntil(abort$)));
      items.push(...page.items);
      total = page.total;
      if (!page.items.length) break;
    } while (items.length < total && items.length < MOST_POSTS);
    return { items, total };
  }
}

/** A tablet's month cell leaves no room for platforms; a week's column shows the time by position. */
function layoutOf(view: string, narrow: boolean): EventLayout {
  if (view.startsWith('list')) return { showTime: true, showPlatforms: true, wrap: true };
  if (view.startsWith('timeGrid')) return { showTime: false, showPlatforms: false, wrap: false };
  return { showTime: true, showPlatforms: !narrow, wrap: false };
}

function sameDays(a: ViewDays | null, b: ViewDays | null): boolean {
  return a === b || (!!a && !!b && a.view === b.view && a.gridFirst === b.gridFirst && a.gridEnd === b.gridEnd);
}

function findNode(nodes: readonly OrganizationNode[], id: string): OrganizationNode | null {
  for (const node of nodes) {
    if (node.organization.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return null;
}

function flatten(nodes: readonly OrganizationNode[], depth: number): { id: string; label: string }[] {
  // No-break spaces indent a sub-organization in the list without being read aloud.
  return nodes.flatMap((n) => [{ id: n.organization.id, label: `${'\u00a0\u00a0\u00a0'.repeat(depth)}${n.organization.name}` }, ...flatten(n.children, depth + 1)]);
}
