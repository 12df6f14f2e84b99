import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, input, resource, signal, viewChild } from '@angular/core';
import { Router } from '@angular/router';
import { type MediaView, type PostView } from '@vestnik/contracts';
import { CurrentOrganization, MediaApi, PostsApi, ReviewQueue, toApiFailure } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { AlertMessage, describeTimeZone, moscowOffsetLabel, postLabel } from '@vestnik/editor/ui';
import { firstValueFrom } from 'rxjs';
import { channelsByPlatform, formatWhen, neighbourAfter, refusalShort, shortcutOf, stepFrom, waited } from './queue-format';
import { ReviewActions, ReviewDone } from './review-actions';
import { ReviewChanges } from './review-changes';
import { ReviewPreviews } from './review-previews';

interface QueueRow {
  post: PostView;
  label: string;
  organization: string;
  submitted: string | null;
  waited: string | null;
  scheduled: string;
  zone: string;
  platforms: { short: string; title: string; count: number }[];
  refusal: string | null;
}

/** The last decision taken on the page, worded in the current language when shown. */
interface Decision {
  outcome: ReviewDone['outcome'];
  label: string;
  nextLabel: string | null;
}

/** The keys the page answers to (the same keys on the Russian layout: see `shortcutOf`). */
const KEYS = { next: 'j', previous: 'k', approve: 'a', reject: 'r' } as const;

/**
 * The approval queue: posts in review across the current organization's subtree, oldest sent
 * first. One is shown at a time with what changed since the version last reviewed, its look on
 * each platform, and the decision. Keys: j/k (arrows in the list) move, a approves, r sends back.
 */
@Component({
  selector: 'vn-approval-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AlertMessage, ReviewActions, ReviewChanges, ReviewPreviews],
  templateUrl: './approval-page.html',
  styleUrl: './approval-page.css',
  host: { '(document:keydown)': 'onKey($event)' },
})
export class ApprovalPage {
  /** `?post=<id>`: the post to open (a notification links here). */
  readonly post = input<string>();

  private readonly router = inject(Router);
  private readonly api = inject(PostsApi);
  private readonly mediaApi = inject(MediaApi);
  private readonly current = inject(CurrentOrganization);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly injector = inject(Injector);
  protected readonly queue = inject(ReviewQueue);
  private readonly actions = viewChild(ReviewActions);
  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly organization = this.current.organization;
  protected readonly keys = KEYS;
  /** Announced to screen readers: where a key moved. */
  protected readonly announcement = signal('');
  private readonly decided = signal<Decision | null>(null);
  /** The last decision taken here, shown above the post (and announced). */
  protected readonly decision = computed(() => {
    const d = this.decided();
    if (!d) return null;
    const what = d.outcome === 'approved' ? this.t('approval.decision.approved', { label: d.label }) : this.t('approval.decision.rejected', { label: d.label });
    return `${what} ${d.nextLabel ? this.t('approval.decision.next', { label: d.nextLabel }) : this.t('approval.decision.queueEmpty')}`;
  });
  private readonly chosen = signal<string | null>(null);

  protected readonly loadFailure = computed(() => {
    const error = this.queue.page.error();
    return error && !this.queue.page.hasValue() ? toApiFailure(error, this.t) : null;
  });

  protected readonly rows = computed<QueueRow[]>(() => {
    const names = this.current.byId();
    const locale = this.i18n.locale();
    const t = this.t;
    const now = new Date();
    return this.queue.items().map((post) => ({
      post,
      label: postLabel(post.title, post.text, t),
      organization: names.get(post.organizationId)?.name ?? '',
      submitted: post.submittedAt ? formatWhen(post.submittedAt, post.timezone, locale, now) : null,
      waited: waited(post.submittedAt, t, now),
      scheduled: formatWhen(post.scheduledAt, post.timezone, locale, now),
      zone: moscowOffsetLabel(post.timezone, t, new Date(post.scheduledAt)),
      platforms: channelsByPlatform(post).map((c) => ({ short: t(`common.platform.short.${c.platform}`), title: t(`common.platform.name.${c.platform}`), count: c.count })),
      refusal: refusalShort(post.approval.code, t),
    }));
  });

  private readonly ids = computed(() => this.queue.items().map((p) => p.id));

  /** The chosen post while it is in the queue, else the one the address names, else the first. */
  protected readonly selectedId = computed(() => {
    const ids = this.ids();
    for (const wanted of [this.chosen(), this.post()]) if (wanted && ids.includes(wanted)) return wanted;
    return ids[0] ?? null;
  });
  protected readonly selected = computed(() => this.rows().find((r) => r.post.id === this.selectedId()) ?? null);
  protected readonly position = computed(() => this.ids().indexOf(this.selectedId() ?? '') + 1);

  protected readonly detail = computed(() => {
    const row = this.selected();
    if (!row) return null;
    const post = row.post;
    const locale = this.i18n.locale();
    return {
      zone: describeTimeZone(post.timezone, this.t),
      scheduled: formatWhen(post.scheduledAt, post.timezone, locale),
      submitted: post.submittedAt ? formatWhen(post.submittedAt, post.timezone, locale) : null,
      channels: this.t('common.count.channels', { count: post.publications.length }),
      rubric: this.t(`common.rubric.${post.rubric}`),
    };
  });

  /** What changed in the selected post; asked again when its version changes. */
  protected readonly changes = resource({
    params: () => {
      const post = this.selected()?.post;
      return post ? { id: post.id, version: post.version } : undefined;
    },
    loader: ({ params }) => firstValueFrom(this.api.changes(params.id)),
  });
  protected readonly changesFailure = computed(() => {
    const error = this.changes.error();
    return error ? toApiFailure(error, this.t) : null;
  });

  /** Names and sizes of the selected post's images, and of those its changes removed. */
  protected readonly media = resource({
    params: () => {
      const post = this.selected()?.post;
      if (!post) return undefined;
      const removed = this.changes.hasValue() && this.changes.value().postId === post.id ? this.changes.value().images.removed : [];
      return { ids: [...new Set([...post.mediaIds, ...removed])] };
    },
    loader: async ({ params }) => {
      const found = await Promise.all(params.ids.map((id) => firstValueFrom(this.mediaApi.get(id)).catch(() => null)));
      return new Map(found.filter((m): m is MediaView => m !== null).map((m) => [m.id, m]));
    },
  });
  protected readonly mediaById = computed<ReadonlyMap<string, MediaView>>(() => (this.media.hasValue() ? this.media.value() : new Map()));

  protected select(id: string | null, focus: 'list' | 'detail' | 'none' = 'none'): void {
    if (!id) return;
    this.chosen.set(id);
    void this.router.navigate([], { queryParams: { post: id }, queryParamsHandling: 'merge', replaceUrl: true });
    afterNextRender(
      {
        read: () => {
          const item = this.host.querySelector<HTMLElement>(`[data-post="${CSS.escape(id)}"]`);
          item?.scrollIntoView({ block: 'nearest' });
          if (focus === 'list') item?.focus();
          if (focus === 'detail') this.host.querySelector<HTMLElement>('#approval-detail-heading')?.focus();
        },
      },
      { injector: this.injector },
    );
  }

  protected onKey(event: KeyboardEvent): void {
    const target = event.target instanceof HTMLElement ? event.target : null;
    // Keys count on the page (or with focus on nothing, or on the page's main area around it); the header keeps its own.
    if (target && !this.host.contains(target) && !target.contains(this.host)) return;
    const typing = !!target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
    const inList = !!target?.closest('.queue');
    const action = shortcutOf({ key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, typing, inList });
    if (!action) return;
    event.preventDefault();
    if (action === 'next' || action === 'previous') {
      const id = stepFrom(this.ids(), this.selectedId(), action === 'next' ? 1 : -1);
      if (id && id !== this.selectedId()) {
        this.select(id, inList ? 'list' : 'none');
        const row = this.rows().find((r) => r.post.id === id);
        this.announcement.set(this.t('approval.announce.moved', { position: this.ids().indexOf(id) + 1, total: this.ids().length, label: row?.label ?? '' }));
      } else {
        this.announcement.set(action === 'next' ? this.t('approval.announce.last') : this.t('approval.announce.first'));
      }
      return;
    }
    if (action === 'approve') void this.actions()?.approve();
    else this.actions()?.startRejection();
  }

  protected onReviewed(done: ReviewDone): void {
    const ids = this.ids();
    const label = postLabel(done.post.title, done.post.text, this.t);
    const next = neighbourAfter(ids, done.post.id);
    const nextLabel = next ? this.rows().find((r) => r.post.id === next)?.label : null;
    this.queue.settled(done.post.id);
    this.decided.set({ outcome: done.outcome, label, nextLabel: nextLabel ?? null });
    if (next) this.select(next, 'detail');
    else {
      this.chosen.set(null);
      void this.router.navigate([], { queryParams: { post: null }, queryParamsHandling: 'merge', replaceUrl: true });
      afterNextRender({ read: () => this.host.querySelector<HTMLElement>('#approval-empty')?.focus() }, { injector: this.injector });
    }
    this.queue.reload();
  }

  protected retry(): void {
    this.queue.reload();
  }
}
