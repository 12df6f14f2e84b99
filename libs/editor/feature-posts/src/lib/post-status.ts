import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { Platform, PostView, PublicationStatus, Role } from '@vestnik/contracts';
import { I18n, type Translate } from '@vestnik/editor/i18n';
import { AlertMessage, formatDateTime } from '@vestnik/editor/ui';
import { ComposerField, ProblemGroup, namePages } from './post-problems';

/** Statuses in which the server still takes edits (`posts.service.ts`): nothing has gone out yet. */
export const EDITABLE_STATUSES: readonly PostView['status'][] = ['draft', 'in_review', 'scheduled'];

/** What the post's status means for editing it, as the server applies it. */
export function editingRule(status: PostView['status'], t: Translate): { tone: 'info' | 'warning'; text: string } | null {
  switch (status) {
    case 'draft':
      return null;
    case 'in_review':
      return { tone: 'info', text: t('posts.status.rule.inReview') };
    case 'scheduled':
      return { tone: 'warning', text: t('posts.status.rule.scheduled') };
    case 'publishing':
      return { tone: 'info', text: t('posts.status.rule.publishing') };
    case 'published':
    case 'partially_published':
    case 'failed':
      return { tone: 'info', text: t('posts.status.rule.done') };
    case 'cancelled':
      return { tone: 'info', text: t('posts.status.rule.cancelled') };
  }
}

/** The post's status, why it can or cannot be edited, its problems (with a way to their field) and its publications. */
@Component({
  selector: 'vn-post-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AlertMessage],
  template: `
    @if (rule(); as r) {
      <vn-alert [tone]="r.tone">{{ r.text }}</vn-alert>
    }
    @if (readOnlyRole(); as role) {
      <vn-alert tone="info">{{ t('posts.status.readOnlyRole', { role }) }}</vn-alert>
    }
    @if (problems().length) {
      <vn-alert tone="warning" [heading]="problemsHeading()">
        <ul class="problems">
          @for (g of problems(); track $index) {
            <li>
              {{ g.message }}
              @if (g.channels.length) {
                <span class="muted"> — {{ pages(g.channels) }}</span>
              }
              @if (g.field !== 'post' && editable()) {
                <button type="button" class="btn btn--small btn--link" (click)="goTo.emit(g.field)">{{ t('posts.status.fix') }}</button>
              }
            </li>
          }
        </ul>
      </vn-alert>
    }
    @if (showPublications()) {
      <section class="card publications" aria-labelledby="publications-title">
        <h2 id="publications-title" class="publications__title">{{ t('posts.status.publications') }}</h2>
        <ul class="publications__list">
          @for (p of post().publications; track p.id) {
            <li>
              <span class="publications__page">{{ p.channelName }} <span class="muted">({{ platformName(p.platform) }})</span></span>
              <span class="badge">{{ publicationStatus(p.status) }}</span>
              @if (p.url) {
                <a [href]="p.url" target="_blank" rel="noopener noreferrer">{{ t('posts.status.openEntry') }}</a>
              }
              @if (p.publishedAt) {
                <span class="muted small">{{ when(p.publishedAt) }}</span>
              }
              @if (p.lastError) {
                <span class="publications__error">{{ p.lastError }}</span>
              }
            </li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    .problems {
      margin: 0;
      padding-left: 1.2rem;
    }
    .publications {
      margin-bottom: 1.1rem;
    }
    .publications__title {
      font-size: 1.05rem;
    }
    .publications__list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .publications__list li {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      align-items: baseline;
      padding: 0.35rem 0;
      border-bottom: 1px solid var(--vn-border-soft);
    }
    .publications__page {
      font-weight: 600;
    }
    .publications__error {
      flex-basis: 100%;
      color: var(--vn-danger);
      font-size: 0.9rem;
    }
  `,
})
export class PostStatus {
  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  readonly post = input.required<PostView>();
  readonly role = input<Role | null>(null);
  readonly editable = input(false);
  readonly problems = input<readonly ProblemGroup[]>([]);
  /** The problems come from a refused submission rather than from the last save. */
  readonly refused = input(false);
  readonly goTo = output<ComposerField>();

  protected readonly rule = computed(() => (this.role() && this.role() !== 'viewer' ? editingRule(this.post().status, this.t) : null));
  protected readonly readOnlyRole = computed(() => (this.role() === 'viewer' ? this.t('common.role.viewer') : null));
  protected readonly showPublications = computed(() => !EDITABLE_STATUSES.includes(this.post().status) && this.post().publications.length > 0);
  protected readonly problemsHeading = computed(() =>
    this.refused() ? this.t('posts.status.refused') : this.t('posts.status.lastSave'),
  );

  protected platformName(platform: Platform): string {
    return this.t(`common.platform.name.${platform}`);
  }

  protected publicationStatus(status: PublicationStatus): string {
    return this.t(`common.publicationStatus.${status}`);
  }

  protected pages(names: string[]): string {
    return namePages(names, this.t);
  }

  protected when(iso: string): string {
    return formatDateTime(iso, this.post().timezone, this.i18n.locale());
  }
}
