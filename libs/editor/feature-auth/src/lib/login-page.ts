import { ChangeDetectionStrategy, Component, DestroyRef, Injector, computed, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { LoginRequest } from '@vestnik/contracts';
import { AuthApi, AuthSession, type ApiFailure, toApiFailure } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import {
  AlertMessage,
  FieldControl,
  FieldRules,
  FormField,
  type FormFailure,
  SubmitButton,
  contractLength,
  focusAfterRender,
  formSubmission,
} from '@vestnik/editor/ui';
import { EntryLayout } from './entry-layout';
import { formatWait } from './wait-time';

const TOTP_CODE = /^\d{6}$/;

@Component({
  selector: 'vn-login-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, EntryLayout, FormField, FieldControl, SubmitButton, AlertMessage],
  templateUrl: './login-page.html',
  styles: `
    .help {
      margin: 1.25rem 0 0;
    }
    .wait {
      margin: 0.4rem 0 0;
    }
  `,
})
export class LoginPage {
  /** Where to go after signing in (set by the guard that sent the user here). */
  readonly returnUrl = input<string>();

  private readonly authApi = inject(AuthApi);
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  protected readonly t = inject(I18n).t;

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: [this.rememberedEmail(), [FieldRules.filled, FieldRules.email, ...contractLength(LoginRequest, 'email')]],
    password: ['', [Validators.required, ...contractLength(LoginRequest, 'password')]],
    totpCode: [''],
  });

  /** The password was right and the account has a second factor: ask for the code. */
  protected readonly askTotp = signal(false);
  private readonly submission = formSubmission(this.form, (error) => this.placeFailure(toApiFailure(error, this.t)));
  protected readonly sending = this.submission.sending;
  protected readonly failure = this.submission.failure;

  private readonly retryUntil = signal<number | null>(null);
  private readonly now = signal(Date.now());
  protected readonly waitSeconds = computed(() => {
    const until = this.retryUntil();
    return until ? Math.max(0, Math.ceil((until - this.now()) / 1000)) : 0;
  });
  protected readonly waitText = computed(() => formatWait(this.waitSeconds(), this.t));

  protected readonly sessionNotice = computed(() => {
    switch (this.session.lastEndReason()) {
      case 'expired':
        return this.t('auth.login.sessionExpired');
      case 'signed-out':
        return this.t('auth.login.signedOut');
      default:
        return null;
    }
  });

  constructor() {
    const timer = setInterval(() => {
      if (this.retryUntil() !== null) this.now.set(Date.now());
    }, 1000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected async submit(): Promise<void> {
    if (this.waitSeconds() > 0) return;
    const { email, password, totpCode } = this.form.getRawValue();
    const response = await this.submission.run(() =>
      this.authApi.login({ email: email.trim(), password, ...(this.askTotp() ? { totpCode } : {}) }),
    );
    if (!response) return;
    this.session.start(response);
    await this.router.navigateByUrl(response.totpEnrollmentRequired ? '/security' : this.safeReturnUrl());
  }

  /**
   * A refused sign-in as the form shows it: a code asked for opens its field (nothing above the
   * form), a wrong code goes beside that field, too many attempts start the countdown.
   */
  private placeFailure(failure: ApiFailure): FormFailure | null {
    switch (failure.code) {
      case 'totp_required':
        this.requestTotp();
        return null;
      case 'totp_invalid':
        this.requestTotp();
        focusAfterRender('login-totp', this.injector);
        return { ...failure, code: 'validation_failed', errors: [{ field: 'totpCode', rule: 'totp', message: failure.message }] };
      case 'too_many_attempts':
        this.retryUntil.set(Date.now() + (failure.retryAfterSeconds ?? 60) * 1000);
        this.now.set(Date.now());
        return failure;
      default:
        return failure;
    }
  }

  private requestTotp(): void {
    if (this.askTotp()) return;
    this.askTotp.set(true);
    const code = this.form.controls.totpCode;
    code.setValidators([Validators.required, Validators.pattern(TOTP_CODE)]);
    code.updateValueAndValidity();
    focusAfterRender('login-totp', this.injector);
  }

  /** After an expiry or a required re-login the e-mail is kept; after an explicit sign-out it is not (shared computers). */
  private rememberedEmail(): string {
    return this.session.lastEndReason() === 'signed-out' ? '' : (this.session.lastEmail() ?? '');
  }

  /** Only paths inside the editor, so a crafted link cannot send people elsewhere after login. */
  private safeReturnUrl(): string {
    const url = this.returnUrl();
    return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/login') ? url : '/';
  }
}
