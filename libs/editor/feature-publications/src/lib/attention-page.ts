import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { roleAtLeast, type AttentionPublicationView, type ChannelView, type PublicationView } from '@vestnik/contracts';
import { AttentionList, CurrentOrganization, toApiFailure } from '@vestnik/editor/data-access';
import { AlertMessage, describeTimeZone, postLabel } from '@vestnik/editor/ui';
import { AttentionFilter, countByStatus, groupByPost } from './attention-groups';
import { PublicationActions } from './publication-actions';
import { channelReason, formatWhen, platformTitle, publicationReason, publicationStatusLabel } from './publication-texts';

/** A post's lines shown before «показать все»: a failure on hundreds of pages stays readable. */
const LINES_SHOWN = 5;

const FILTERS: { id: AttentionFilter; label: string }[] = [
  { id: 'all', label: 'Все' },
  { id: 'failed', label: 'Не опубликовано' },
  { id: 'unconfirmed', label: 'Не подтверждено' },
  { id: 'missed', label: 'Пропущено время' },
];

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

  protected readonly filters = FILTERS;
  protected readonly filter = signal<AttentionFilter>('all');
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  protected readonly notice = signal<string | null>(null);

  protected readonly organization = this.current.organization;
  protected readonly zone = computed(() => this.current.timezone());
  protected readonly zoneText = computed(() => {
    const zone = this.zone();
    return zone ? describeTimeZone(zone) : '';
  });

  protected readonly loading = computed(() => (this.attention.publications.isLoading() && !this.attention.publications.hasValue()) || (this.attention.channels.isLoading() && !this.attention.channels.hasValue()));
  protected readonly failure = computed(() => {
    const error = this.attention.publications.error() ?? this.attention.channels.error();
    return error ? toApiFailure(error) : null;
  });
  protected readonly counts = computed(() => countByStatus(this.attention.publicationItems()));

  protected readonly groups = computed(() => {
    const zone = this.zone() ?? 'UTC';
    const byId = this.current.byId();
    const currentId = this.current.id();
    const expanded = this.expanded();
    return groupByPost(this.attention.publicationItems(), this.filter()).map((g) => {
      const role = byId.get(g.organizationId)?.myRole;
      const lines = g.publications.map((p) => this.line(p));
      return {
        ...g,
        label: postLabel(g.postTitle, g.postText),
        when: formatWhen(g.scheduledAt, zone),
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
      platform: platformTitle(c.platform),
      reason: channelReason(c),
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
    this.notice.set(
      event.action === 'mark-published'
        ? `Отмечено: запись «${label}» опубликована на странице «${channelName}».`
        : `Запись «${label}» отправлена на страницу «${channelName}» снова. Результат появится в течение нескольких минут.`,
    );
  }

  private line(p: AttentionPublicationView) {
    return { p, platform: platformTitle(p.platform), status: publicationStatusLabel(p.status), reason: publicationReason(p) };
  }
}
