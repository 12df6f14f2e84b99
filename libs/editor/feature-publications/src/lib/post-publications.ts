import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output } from '@angular/core';
import { roleAtLeast, type PostView, type PublicationStatus, type PublicationView } from '@vestnik/contracts';
import { AttentionList, CurrentOrganization } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { describeTimeZone, postLabel } from '@vestnik/editor/ui';
import { PublicationActions } from './publication-actions';
import { formatWhen, needsDecision, publicationReason } from './publication-texts';

type Tone = 'success' | 'danger' | 'warning' | 'info' | 'neutral';

const TONES: Record<PublicationStatus, Tone> = {
  pending: 'neutral',
  scheduled: 'info',
  publishing: 'info',
  published: 'success',
  failed: 'danger',
  unconfirmed: 'warning',
  missed: 'danger',
  cancelled: 'neutral',
};

/**
 * Where a post went out: its state on each page, links to the published posts, and the decisions a
 * supervisor takes on failed, unconfirmed and missed ones. Embeddable: `<vn-post-publications [post]="post" />`;
 * `changed` tells the host to reload the post after a decision.
 */
@Component({
  selector: 'vn-post-publications',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PublicationActions],
  templateUrl: './post-publications.html',
  styleUrls: ['./publication-chips.css', './post-publications.css'],
})
export class PostPublications {
  readonly post = input.required<PostView>();
  readonly changed = output<PublicationView>();

  private readonly current = inject(CurrentOrganization);
  private readonly attention = inject(AttentionList);
  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  /** Decisions taken here show at once; a new `post` from the host replaces them. */
  private readonly decided = linkedSignal<PostView, ReadonlyMap<string, PublicationView>>({ source: this.post, computation: () => new Map() });

  protected readonly label = computed(() => postLabel(this.post().title, this.post().text, this.t));
  protected readonly zone = computed(() => describeTimeZone(this.post().timezone, this.t));
  /** Supervisors and admins of the post's organization decide on publications. */
  protected readonly canDecide = computed(() => {
    const role = this.current.byId().get(this.post().organizationId)?.myRole;
    return !!role && roleAtLeast(role, 'supervisor');
  });

  protected readonly rows = computed(() => {
    const zone = this.post().timezone;
    const decided = this.decided();
    const locale = this.i18n.locale();
    return this.post().publications.map((original) => {
      const p = decided.get(original.id) ?? original;
      return {
        p,
        platform: this.t(`common.platform.name.${p.platform}`),
        status: this.t(`common.publicationStatus.${p.status}`),
        tone: TONES[p.status],
        publishedAt: p.publishedAt ? formatWhen(p.publishedAt, zone, locale) : null,
        reason: publicationReason(p, this.t),
        decision: needsDecision(p.status),
      };
    });
  });

  protected readonly summary = computed(() => {
    const rows = this.rows();
    const out = rows.filter((r) => r.p.status === 'published').length;
    const attention = rows.filter((r) => r.decision).length;
    return { total: rows.length, out, attention };
  });

  protected settled(event: { publication: PublicationView }): void {
    const next = new Map(this.decided());
    next.set(event.publication.id, event.publication);
    this.decided.set(next);
    this.attention.settled(event.publication.id);
    this.changed.emit(event.publication);
  }
}
