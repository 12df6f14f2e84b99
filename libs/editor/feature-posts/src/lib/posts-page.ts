import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { POST_STATUSES, formatZoned, roleAtLeast, type PostPage, type PostStatus, type PostView } from '@vestnik/contracts';
import { API_BASE, CurrentOrganization, postQueryParams } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { AlertMessage, describeTimeZone, formatDateTime } from '@vestnik/editor/ui';
import { PLATFORMS, renderPlainText } from '@vestnik/platforms/rules';

const PAGE_SIZE = 50;
const OPENING = 140;

interface PostRow {
  post: PostView;
  time: string;
  name: string;
  opening: string | null;
  platforms: string;
}

/** The organization's posts (with its subtree), by time, filtered by status; each opens in the composer. */
@Component({
  selector: 'vn-posts-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, AlertMessage],
  templateUrl: './posts-page.html',
  styleUrl: './posts-page.css',
})
export class PostsPage {
  /** Query parameters, so a reload or a shared link keeps the filter. */
  readonly status = input<string>();
  /** `all`, or (by default) posts from the start of today in the organization's zone. */
  readonly period = input<string>();
  readonly offset = input<string>();

  private readonly current = inject(CurrentOrganization);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly statuses = POST_STATUSES;
  protected readonly organization = this.current.organization;
  protected readonly canWrite = computed(() => {
    const o = this.organization();
    return !!o && !o.archived && roleAtLeast(o.myRole, 'editor');
  });
  protected readonly zoneText = computed(() => {
    const zone = this.current.timezone();
    return zone ? describeTimeZone(zone, this.t) : '';
  });

  protected readonly chosenStatus = computed<PostStatus | null>(() => {
    const s = this.status();
    return s && (POST_STATUSES as readonly string[]).includes(s) ? (s as PostStatus) : null;
  });
  protected readonly allTime = computed(() => this.period() === 'all');
  private readonly skip = computed(() => Math.max(0, Number(this.offset()) || 0));

  protected readonly page = httpResource<PostPage>(() => {
    const organizationId = this.current.id();
    const zone = this.current.timezone();
    if (!organizationId || !zone) return undefined;
    const from = this.allTime() ? undefined : `${formatZoned(new Date(), zone).slice(0, 10)}T00:00`;
    return {
      url: `${API_BASE}/posts`,
      params: postQueryParams({ organizationId, status: this.chosenStatus() ?? undefined, from, limit: PAGE_SIZE, offset: this.skip() }),
    };
  });

  protected readonly rows = computed<PostRow[]>(() => {
    const zone = this.current.timezone();
    if (!zone || !this.page.hasValue()) return [];
    const locale = this.i18n.locale();
    return this.page.value().items.map((post) => {
      const plain = renderPlainText(post.text).replace(/\s+/g, ' ').trim();
      const opening = plain.length > OPENING ? `${plain.slice(0, OPENING)}…` : plain;
      const counts = PLATFORMS.map((p) => [p, post.publications.filter((x) => x.platform === p).length] as const).filter(([, n]) => n > 0);
      return {
        post,
        time: formatDateTime(post.scheduledAt, zone, locale).slice(0, -3),
        name: post.title || opening || this.t('posts.label.noText'),
        opening: post.title ? opening : null,
        platforms: counts.map(([p, n]) => `${this.t(`common.platform.short.${p}`)} ${n}`).join(' · ') || '—',
      };
    });
  });
  protected readonly total = computed(() => (this.page.hasValue() ? this.page.value().total : 0));
  protected readonly range = computed(() => {
    const from = this.skip();
    return { first: from + 1, last: Math.min(from + PAGE_SIZE, this.total()), hasPrevious: from > 0, hasNext: from + PAGE_SIZE < this.total() };
  });

  protected statusLabel(status: PostStatus): string {
    return this.t(`common.postStatus.${status}`);
  }

  protected rubricLabel(rubric: PostView['rubric']): string {
    return this.t(`common.rubric.${rubric}`);
  }

  protected filter(change: { status?: string | null; period?: string | null }): void {
    void this.router.navigate([], { queryParams: { ...change, offset: null }, queryParamsHandling: 'merge' });
  }

  protected turn(by: 1 | -1): void {
    const offset = Math.max(0, this.skip() + by * PAGE_SIZE);
    void this.router.navigate([], { queryParams: { offset: offset || null }, queryParamsHandling: 'merge' });
  }
}
