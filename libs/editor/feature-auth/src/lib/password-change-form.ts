import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { ChangePasswordRequest, PASSWORD_MIN_LENGTH } from '@vestnik/contracts';
import { AuthApi, AuthSession, toApiFailure } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { AlertMessage, FieldControl, FieldRules, FormField, SubmitButton, contractLength, formSubmission } from '@vestnik/editor/ui';

/**
 * Changing the own password. The server ends every session of the person (other browsers, other
 * devices) and answers a new one for this tab, so the work here goes on.
 */
@Component({
  selector: 'vn-password-change-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, FormField, FieldControl, SubmitButton, AlertMessage],
  template: `
    <section class="card" aria-labelledby="password-heading">
      <h2 id="password-heading">{{ t('auth.password.heading') }}</h2>
      @if (notice(); as text) {
        <vn-alert tone="success">{{ text }}</vn-alert>
      }
      @if (failure(); as f) {
        <vn-alert tone="error">{{ f.message }}</vn-alert>
      }
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <vn-form-field [label]="t('auth.password.current')">
          <input vnControl formControlName="currentPassword" type="password" autocomplete="current-password" />
        </vn-form-field>
        <vn-form-field [label]="t('auth.field.newPassword')" [hint]="t('auth.field.passwordHint', { count: passwordMinLength })">
          <input vnControl formControlName="newPassword" type="password" autocomplete="new-password" />
        </vn-form-field>
        <vn-form-field [label]="t('auth.password.newAgain')" [messages]="{ mismatch: t('auth.field.passwordsDiffer') }">
          <input vnControl formControlName="newPasswordConfirmation" type="password" autocomplete="new-password" />
        </vn-form-field>
        <p class="muted small">{{ t('auth.password.othersEnd') }}</p>
        <div class="actions">
          <vn-submit-button [busy]="sending()">{{ t('auth.password.submit') }}</vn-submit-button>
        </div>
      </form>
    </section>
  `,
})
export class PasswordChangeForm {
  private readonly authApi = inject(AuthApi);
  private readonly session = inject(AuthSession);
  protected readonly t = inject(I18n).t;

  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', [Validators.required, ...contractLength(ChangePasswordRequest, 'currentPassword')]],
    newPassword: ['', [Validators.required, ...contractLength(ChangePasswordRequest, 'newPassword')]],
    newPasswordConfirmation: ['', [Validators.required, FieldRules.sameAs('newPassword', this.t('auth.field.passwordsDiffer'))]],
  });

  /** A wrong current password (`wrong_password`, counted as a failed sign-in) names its field: placed beside it. */
  private readonly submission = formSubmission(this.form, (error) => {
    const failure = toApiFailure(error, this.t);
    return failure.errors?.length ? { ...failure, code: 'validation_failed' } : failure;
  });
  protected readonly sending = this.submission.sending;
  protected readonly failure = this.submission.failure;
  private readonly changed = signal(false);
  protected readonly notice = computed(() => (this.changed() ? this.t('auth.password.changed') : null));

  constructor() {
    const controls = this.form.controls;
    controls.newPassword.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => controls.newPasswordConfirmation.updateValueAndValidity());
  }

  protected async submit(): Promise<void> {
    this.changed.set(false);
    const { currentPassword, newPassword } = this.form.getRawValue();
    const session = await this.submission.run(() => this.authApi.changePassword({ currentPassword, newPassword }));
    if (!session) return;
    this.session.start(session);
    this.form.reset();
    this.changed.set(true);
  }
}
