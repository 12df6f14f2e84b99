import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { RejectPostRequest, type PostView } from '@vestnik/contracts';
import { PostsApi, toApiFailure, type ApiFailure } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { AlertMessage, FieldControl, FieldRules, FormField, SubmitButton, formSubmission, maxLengthOf } from '@vestnik/editor/ui';
import { firstValueFrom } from 'rxjs';

const COMMENT_MAX = maxLengthOf(RejectPostRequest, 'comment') ?? Number.MAX_SAFE_INTEGER;

export interface ReviewDone {
  post: PostView;
  outcome: 'approved' | 'rejected';
}

/**
 * Approve, or send back with a required comment. Whether each is possible, and why not, is the
 * server's answer (`post.approval`): the buttons are disabled with that reason beside them. A
 * comment being written is kept per post while the reviewer moves through the queue.
 */
@Component({
  selector: 'vn-review-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, AlertMessage, FormField, FieldControl, SubmitButton],
  templateUrl: './review-actions.html',
  styleUrl: './review-actions.css',
})
export class ReviewActions {
  readonly post = input.required<PostView>();
  readonly reviewed = output<ReviewDone>();

  private readonly api = inject(PostsApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly injector = inject(Injector);
  protected readonly t = inject(I18n).t;

  /** The keys that take the decisions on the queue page (`shortcutOf`). */
  protected readonly keys = { approve: 'a', reject: 'r' } as const;
  protected readonly commentMax = COMMENT_MAX;
  protected readonly approval = computed(() => this.post().approval);
  protected readonly approving = signal(false);
  protected readonly approveFailure = signal<ApiFailure | null>(null);
  protected readonly rejecting = signal(false);
  /** Said once, politely: why a shortcut did nothing. */
  protected readonly notice = signal<string | null>(null);

  protected readonly form = new FormGroup({
    comment: new FormControl('', { nonNullable: true, validators: [Validators.required, FieldRules.filled, Validators.maxLength(COMMENT_MAX)] }),
  });
  protected readonly submission = formSubmission(this.form, (error) => toApiFailure(error, this.t));
  protected readonly problems = computed(() => this.approveFailure()?.errors ?? []);

  /** Comments started for other posts of the queue, by post id. */
  private readonly drafts = new Map<string, string>();
  private shownId: string | null = null;

  constructor() {
    effect(() => {
      const id = this.post().id;
      untracked(() => this.switchTo(id));
    });
  }

  /** Approves when the server's rule allows it; otherwise says why. */
  async approve(): Promise<void> {
    const post = this.post();
    if (!post.approval.canApprove) {
      this.notice.set(this.t('approval.review.cannotApproveNotice', { reason: post.approval.reason ?? this.t('approval.review.unavailable') }));
      return;
    }
    if (this.approving()) return;
    this.approving.set(true);
    this.approveFailure.set(null);
    this.notice.set(null);
    try {
      const approved = await firstValueFrom(this.api.approve(post.id));
      this.drafts.delete(post.id);
      this.reviewed.emit({ post: approved, outcome: 'approved' });
    } catch (error) {
      this.approveFailure.set(toApiFailure(error, this.t));
      afterNextRender({ read: () => this.host.querySelector<HTMLElement>('.review__failure')?.focus() }, { injector: this.injector });
    } finally {
      this.approving.set(false);
    }
  }

  /** Opens the comment for sending back, and puts the cursor in it. */
  startRejection(): void {
    const post = this.post();
    if (!post.approval.canReject) {
      this.notice.set(this.t('approval.review.cannotRejectNotice', { reason: post.approval.rejectReason ?? this.t('approval.review.unavailable') }));
      return;
    }
    this.notice.set(null);
    this.rejecting.set(true);
    afterNextRender({ read: () => document.getElementById('reject-comment')?.focus() }, { injector: this.injector });
  }

  protected cancelRejection(): void {
    this.rejecting.set(false);
    this.form.reset();
    this.drafts.delete(this.post().id);
    afterNextRender({ read: () => this.host.querySelector<HTMLElement>('.review__reject')?.focus() }, { injector: this.injector });
  }

  protected async reject(): Promise<void> {
    const post = this.post();
    const comment = this.form.controls.comment.value.trim();
    const rejected = await this.submission.run(() => this.api.reject(post.id, comment));
    if (!rejected) return;
    this.drafts.delete(post.id);
    this.form.reset();
    this.rejecting.set(false);
    this.reviewed.emit({ post: rejected, outcome: 'rejected' });
  }

  private switchTo(id: string): void {
    if (this.shownId === id) return;
    const typed = this.form.controls.comment.value;
    if (this.shownId && this.rejecting() && typed.trim()) this.drafts.set(this.shownId, typed);
    this.shownId = id;
    const kept = this.drafts.get(id);
    this.form.reset({ comment: kept ?? '' });
    this.rejecting.set(kept !== undefined);
    this.approveFailure.set(null);
    this.submission.failure.set(null);
    this.notice.set(null);
  }
}
