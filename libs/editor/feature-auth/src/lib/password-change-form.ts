import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@vestnik/contracts';
import { AuthApi, AuthSession, type ApiFailure, toApiFailure } from '@vestnik/editor/data-access';
import {
  AlertMessage,
  FieldControl,
  FieldRules,
  FormField,
  SubmitButton,
  applyServerErrors,
  focusFirstInvalid,
} from '@vestnik/editor/ui';
import { firstValueFrom } from 'rxjs';

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
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', [Validators.required, Validators.maxLength(PASSWORD_MAX_LENGTH)]],
    newPassword: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)]],
    newPasswordConfirmation: ['', [Validators.required, FieldRules.sameAs('newPassword', 'Пароли не совпадают')]],
  });

  protected readonly sending = signal(false);
  protected readonly failure = signal<ApiFailure | null>(null);
  protected readonly notice = signal<string | null>(null);

  constructor() {
    const controls = this.form.controls;
    controls.newPassword.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => controls.newPasswordConfirmation.updateValueAndValidity());
  }

  protected async submit(): Promise<void> {
    if (this.sending()) return;
    this.failure.set(null);
    this.notice.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement, this.injector);
      return;
    }
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.sending.set(true);
    try {
      this.session.start(await firstValueFrom(this.authApi.changePassword({ currentPassword, newPassword })));
      this.form.reset();
      this.notice.set('Пароль изменён. Другие сеансы завершены: там нужно войти с новым паролем.');
    } catch (error) {
      const failure = toApiFailure(error);
      const unplaced = failure.errors?.length ? applyServerErrors(this.form, failure.errors) : [failure];
      if (unplaced.length) this.failure.set({ ...failure, message: unplaced.map((e) => e.message).join(' ') });
      focusFirstInvalid(this.host.nativeElement, this.injector);
    } finally {
      this.sending.set(false);
    }
  }
}
