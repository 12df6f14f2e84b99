import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { POST_STATUS_LABELS, PUBLICATION_STATUS_LABELS, ROLE_LABELS, type PostView, type Role } from '@vestnik/contracts';
import { AlertMessage, formatDateTime } from '@vestnik/editor/ui';
import { PLATFORM_TITLES } from '@vestnik/platforms/rules';
import { ComposerField, ProblemGroup, namePages } from './post-problems';

/** Statuses in which the server still takes edits (`posts.service.ts`): nothing has gone out yet. */
export const EDITABLE_STATUSES: readonly PostView['status'][] = ['draft', 'in_review', 'scheduled'];

/** What the post's status means for editing it, as the server applies it. */
export function editingRule(status: PostView['status']): { tone: 'info' | 'warning'; text: string } | null {
  switch (status) {
    case 'draft':
      return null;
    case 'in_review':
      return { tone: 'info', text: 'Материал на согласовании. Его можно править: руководитель увидит новую версию и что в ней изменилось.' };
    case 'scheduled':
      return {
        tone: 'warning',
        text: 'Материал согласован и ждёт публикации. Если изменить текст, изображения, страницы или время, он вернётся на согласование и не выйдет без нового согласования.',
      };
    case 'publishing':
      return { tone: 'info', text: 'Материал сейчас публикуется: изменить его нельзя.' };
    case 'published':
    case 'partially_published':
    case 'failed':
      return { tone: 'info', text: 'Материал уже прошёл публикацию: изменить его нельзя. Состояние на каждой странице — ниже.' };
    case 'cancelled':
      return { tone: 'info', text: 'Материал отменён: изменить его нельзя.' };
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
      <vn-alert tone="info">Ваша роль здесь — «{{ role }}»: материал можно только просматривать.</vn-alert>
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
                <button type="button" class="btn btn--small btn--link" (click)="goTo.emit(g.field)">Исправить</button>
              }
            </li>
          }
        </ul>
      </vn-alert>
    }
    @if (showPublications()) {
      <section class="card publications" aria-labelledby="publications-title">
        <h2 id="publications-title" class="publications__title">Публикации по страницам</h2>
        <ul class="publications__list">
          @for (p of post().publications; track p.id) {
            <li>
              <span class="publications__page">{{ p.channelName }} <span class="muted">({{ titles[p.platform] }})</span></span>
              <span class="badge">{{ publicationLabels[p.status] }}</span>
              @if (p.url) {
                <a [href]="p.url" target="_blank" rel="noopener noreferrer">Открыть запись</a>
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
  readonly post = input.required<PostView>();
  readonly role = input<Role | null>(null);
  readonly editable = input(false);
  readonly problems = input<readonly ProblemGroup[]>([]);
  /** The problems come from a refused submission rather than from the last save. */
  readonly refused = input(false);
  readonly goTo = output<ComposerField>();

  protected readonly titles = PLATFORM_TITLES;
  protected readonly publicationLabels = PUBLICATION_STATUS_LABELS;
  protected readonly statusLabels = POST_STATUS_LABELS;

  protected readonly rule = computed(() => (this.role() && this.role() !== 'viewer' ? editingRule(this.post().status) : null));
  protected readonly readOnlyRole = computed(() => (this.role() === 'viewer' ? ROLE_LABELS.viewer : null));
  protected readonly showPublications = computed(() => !EDITABLE_STATUSES.includes(this.post().status) && this.post().publications.length > 0);
  protected readonly problemsHeading = computed(() =>
    this.refused() ? 'На согласование не отправлено: площадки не примут материал' : 'Что площадки не примут (по последнему сохранению)',
  );

  protected pages(names: string[]): string {
    return namePages(names);
  }

  protected when(iso: string): string {
    return formatDateTime(iso, this.post().timezone);
  }
}
