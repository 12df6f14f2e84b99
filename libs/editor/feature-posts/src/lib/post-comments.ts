import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { CommentRequest, type PostCommentView } from '@vestnik/contracts';
import { PostsApi, postUrl, toApiFailure } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { AlertMessage, FieldControl, FieldRules, FormField, SubmitButton, formatDateTime, formSubmission, maxLengthOf } from '@vestnik/editor/ui';

/** The post's discussion beside it: comments and the reasons it was sent back, oldest first. */
@Component({
  selector: 'vn-post-comments',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, FormField, FieldControl, SubmitButton, AlertMessage],
  template: `
    <h2 class="title">{{ t('posts.comments.title') }}</h2>
    @if (comments.error()) {
      <vn-alert tone="error">{{ t('posts.comments.loadFailed') }} <button type="button" class="btn btn--small" (click)="comments.reload()">{{ t('common.action.retry') }}</button></vn-alert>
    } @else if (comments.isLoading() && !items().length) {
      <p class="muted" role="status">{{ t('common.state.loading') }}</p>
    } @else if (!items().length) {
      <p class="muted">{{ t('posts.comments.none') }}</p>
    } @else {
      <ol class="thread">
        @for (c of items(); track c.id) {
          <li class="comment" [class.comment--rejection]="c.kind === 'rejection'">
            <p class="comment__meta">
              <b>{{ c.authorName }}</b>
              @if (c.kind === 'rejection') {
                <span class="badge comment__badge">{{ t('posts.comments.rejection') }}</span>
              }
              <time [attr.datetime]="c.createdAt">{{ when(c.createdAt) }}</time>
            </p>
            <p class="comment__body">{{ c.body }}</p>
          </li>
        }
      </ol>
    }
    @if (canComment()) {
      <form [formGroup]="form" (ngSubmit)="send()" novalidate>
        @if (submission.failure(); as f) {
          <vn-alert tone="error">{{ f.message }}</vn-alert>
        }
        <vn-form-field [label]="t('posts.comments.comment')">
          <textarea vnControl formControlName="body" rows="3"></textarea>
        </vn-form-field>
        <vn-submit-button [busy]="submission.sending()" tone="secondary">{{ t('posts.comments.send') }}</vn-submit-button>
      </form>
    }
  `,
  styles: `
    .title {
      font-size: 1.1rem;
    }
    .thread {
      list-style: none;
      margin: 0 0 1rem;
      padding: 0;
    }
    .comment {
      padding: 0.5rem 0.75rem;
      border-left: 3px solid var(--vn-border);
      margin-bottom: 0.6rem;
      background: #f7f8fa;
      border-radius: 0 var(--vn-radius) var(--vn-radius) 0;
    }
    .comment--rejection {
      border-left-color: var(--vn-danger);
      background: var(--vn-danger-soft);
    }
    .comment__meta {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.6rem;
      align-items: baseline;
      margin: 0;
      font-size: 0.875rem;
    }
    .comment__meta time {
      color: var(--vn-muted);
    }
    .comment__badge {
      background: var(--vn-danger);
      color: #fff;
    }
    .comment__body {
      margin: 0.2rem 0 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
})
export class PostComments {
  readonly postId = input.required<string>();
  readonly timeZone = input.required<string>();
  readonly canComment = input(false);

  private readonly api = inject(PostsApi);
  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  readonly comments = httpResource<PostCommentView[]>(() => `${postUrl(this.postId())}/comments`);
  protected readonly items = computed(() => (this.comments.hasValue() ? this.comments.value() : []));

  protected readonly form = inject(NonNullableFormBuilder).group({
    body: ['', [FieldRules.filled, Validators.maxLength(maxLengthOf(CommentRequest, 'body') ?? Number.MAX_SAFE_INTEGER)]],
  });
  protected readonly submission = formSubmission(this.form, toApiFailure);

  protected when(iso: string): string {
    return formatDateTime(iso, this.timeZone(), this.i18n.locale());
  }

  protected async send(): Promise<void> {
    const added = await this.submission.run(() => this.api.addComment(this.postId(), this.form.getRawValue().body.trim()));
    if (!added) return;
    this.form.reset();
    if (this.comments.hasValue()) this.comments.set([...this.comments.value(), added]);
    else this.comments.reload();
  }
}
