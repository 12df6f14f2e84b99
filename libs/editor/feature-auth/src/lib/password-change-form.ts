import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { ChangePasswordRequest, PASSWORD_MIN_LENGTH } from '@vestnik/contracts';
import { AuthApi, AuthSession, toApiFailure } from '@vestnik/editor/data-access';
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
      <h2 id="password-heading">Пароль</h2>
      @if (notice(); as text) {
        <vn-alert tone="success">{{ text }}</vn-alert>
      }
      @if (failure(); as f) {
        <vn-alert tone="error">{{ f.message }}</vn-alert>
      }
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <vn-form-field label="Текущий пароль">
          <input vnControl formControlName="currentPassword" type="password" autocomplete="current-password" />
        </vn-form-field>
        <vn-form-field label="Новый пароль" [hint]="'Не короче ' + passwordMinLength + ' символов'">
          <input vnControl formControlName="newPassword" type="password" autocomplete="new-password" />
        </vn-form-field>
        <vn-form-field label="Новый пароль ещё раз">
          <input vnControl formControlName="newPasswordConfirmation" type="password" autocomplete="new-password" />
        </vn-form-field>
        <p class="muted small">После смены пароля все другие сеансы — в других браузерах и на других устройствах — завершатся.</p>
        <div class="actions">
          <vn-submit-button [busy]="sending()">Сменить пароль</vn-submit-button>
        </div>
      </form>
    </section>
  `,
})
export class PasswordChangeForm {
  private readonly authApi = inject(AuthApi);
  private readonly session = inject(AuthSession);

  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', [Validators.required, ...contractLength(ChangePasswordRequest, 'currentPassword')]],
    newPassword: ['', [Validators.required, ...contractLength(ChangePasswordRequest, 'newPassword')]],
    newPasswordConfirmation: ['', [Validators.required, FieldRules.sameAs('newPassword', 'Пароли не совпадают')]],
  });

  /** A wrong current password (`wrong_password`, counted as a failed sign-in) names its field: placed beside it. */
  private readonly submission = formSubmission(this.form, (error) => {
    const failure = toApiFailure(error);
    return failure.errors?.length ? { ...failure, code: 'validation_failed' } : failure;
  });
  protected readonly sending = this.submission.sending;
  protected readonly failure = this.submission.failure;
  protected readonly notice = signal<string | null>(null);

  constructor() {
    const controls = this.form.controls;
    controls.newPassword.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => controls.newPasswordConfirmation.updateValueAndValidity());
  }

  protected async submit(): Promise<void> {
    this.notice.set(null);
    const { currentPassword, newPassword } = this.form.getRawValue();
    const session = await this.submission.run(() => this.authApi.changePassword({ currentPassword, newPassword }));
    if (!session) return;
    this.session.start(session);
    this.form.reset();
    this.notice.set('Пароль изменён. Другие сеансы завершены: там нужно войти с новым паролем.');
  }
}
