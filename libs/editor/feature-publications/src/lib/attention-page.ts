import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { roleAtLeast, type AttentionPublicationView, type ChannelView, type PublicationView } from '@vestnik/contracts';
import { AttentionList, CurrentOrganization, toApiFailure } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { AlertMessage, describeTimeZone, postLabel } from '@vestnik/editor/ui';
import { AttentionFilter, countByStatus, groupByPost } from './attention-groups';
import { PublicationActions } from './publication-actions';
import { channelReason, formatWhen, publicationReason } from './publication-texts';

/** A post's lines shown before «показать все»: a failure on hundreds of pages stays readable. */
const LINES_SHOWN = 5;

const FILTERS: readonly AttentionFilter[] = ['all', 'failed', 'unconfirmed', 'missed'];

/** A decision just taken here, worded in the current language when shown. */
interface Settled {
  action: 'mark-published' | 'republish';
  label: string;
  channelName: string;
}

/**
 * What needs a person in the organization's subtree: publications that failed, were not confirmed or
 * missed their time (gathered by post), and pages Vestnik cannot post to, each with the reason in
 * plain Russian and what to do.
 */
@Component({
  selector: 'vn-attention-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, AlertMessage, PublicationActions],
  templateUrl: './attention-page.html',
  styleUrls: ['./publication-chips.css', './attention-page.css'],
})
export class AttentionPage {
  private readonly current = inject(CurrentOrganization);
  protected readonly attention = inject(AttentionList);
  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  /** The filter buttons: «all», then the statuses by their common names. */
  protected readonly filters = computed(() =>
    FILTERS.map((id) => ({ id, label: id === 'all' ? this.t('publications.attention.filterAll') : this.t(`common.publicationStatus.${id}`) })),
  );
  protected readonly filter = signal<AttentionFilter>('all');
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  private readonly lastSettled = signal<Settled | null>(null);
  protected readonly notice = computed(() => {
    const s = this.lastSettled();
    if (!s) return null;
    const params = { label: s.label, channel: s.channelName };
    return s.action === 'mark-published' ? this.t('publications.attention.markedPublished', params) : this.t('publications.attention.republished', params);
  });

  protected readonly organization = this.current.organization;
  protected readonly zone = computed(() => this.current.timezone());
  protected readonly zoneText = computed(() => {
    const zone = this.zone();
    return zone ? describeTimeZone(zone, this.t) : '';
  });

  protected readonly loading = computed(() => (this.attention.publications.isLoading() && !this.attention.publications.hasValue()) || (this.attention.channels.isLoading() && !this.attention.channels.hasValue()));
  protected readonly failure = computed(() => {
    const error = this.attention.publications.error() ?? this.attention.channels.error();
    return error ? toApiFailure(error, this.t) : null;
  });
  protected readonly counts = computed(() => countByStatus(this.attention.publicationItems()));

  protected readonly groups = computed(() => {
    const zone = this.zone() ?? 'UTC';
    const byId = this.current.byId();
    const currentId = this.current.id();
    const expanded = this.expanded();
    const locale = this.i18n.locale();
    return groupByPost(this.attention.publicationItems(), this.filter()).map((g) => {
      const role = byId.get(g.organizationId)?.myRole;
      const lines = g.publications.map((p) => this.line(p));
      return {
        ...g,
        label: postLabel(g.postTitle, g.postText, this.t),
        when: formatWhen(g.scheduledAt, zone, locale),
        organizationName: g.organizationId !== currentId ? (byId.get(g.organizationId)?.name ?? null) : null,
        canDecide: !!role && roleAtLeast(role, 'supervisor'),
        lines: expanded.has(g.postId) ? lines : lines.slice(0, LINES_SHOWN),
        hidden: expanded.has(g.postId) ? 0 : Math.max(0, lines.length - LINES_SHOWN),
      };
    });
  });

  protected readonly channels = computed(() => {
    const byId = this.current.byId();
    const currentId = this.current.id();
    return this.attention.channelItems().map((c: ChannelView) => ({
      c,
      platform: this.t(`common.platform.name.${c.platform}`),
      reason: channelReason(c, this.t),
      organizationName: c.organizationId !== currentId ? (byId.get(c.organizationId)?.name ?? null) : null,
    }));
  });

  protected readonly empty = computed(() => !this.loading() && !this.failure() && this.attention.count() === 0);

  constructor() {
    // Opening the page asks again: the count in the menu may be a minute old.
    this.attention.reload();
  }

  protected expand(postId: string): void {
    this.expanded.set(new Set([...this.expanded(), postId]));
  }

  protected settled(label: string, channelName: string, event: { action: 'mark-published' | 'republish'; publication: PublicationView }): void {
    this.attention.settled(event.publication.id);
    this.lastSettled.set({ action: event.action, label, channelName });
  }

  private line(p: AttentionPublicationView) {
    return { p, platform: this.t(`common.platform.name.${p.platform}`), status: this.t(`common.publicationStatus.${p.status}`), reason: publicationReason(p, this.t) };
  }
}
