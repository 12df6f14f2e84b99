import { ChangeDetectionStrategy, Component, ElementRef, Injector, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { ROLE_LABELS, type CookieLoginResponse, type TotpSetupResponse } from '@vestnik/contracts';
import { AuthApi, AuthSession, type ApiFailure, toApiFailure } from '@vestnik/editor/data-access';
import {
  AlertMessage,
  FieldControl,
  FormField,
  SubmitButton,
  applyServerErrors,
  focusAfterRender,
  focusFirstInvalid,
} from '@vestnik/editor/ui';
import { Observable, firstValueFrom } from 'rxjs';
import { PasswordChangeForm } from './password-change-form';
import { groupSecret } from './totp-secret';

const TOTP_CODE = /^\d{6}$/;

/** The account's security: the second factor (enroll with an authenticator app, or turn it off) and the password. */
@Component({
  selector: 'vn-security-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, FormField, FieldControl, SubmitButton, AlertMessage, PasswordChangeForm],
  templateUrl: './security-page.html',
  styles: `
    .secret {
      display: inline-block;
      padding: 0.5rem 0.75rem;
      border: 1px dashed var(--vn-border);
      border-radius: var(--vn-radius);
      background: #f7f8fa;
      font-size: 1.2rem;
      letter-spacing: 0.08em;
      word-spacing: 0.35em;
    }
    .otpauth {
      display: block;
      padding: 0.5rem 0.75rem;
      background: #f7f8fa;
      border-radius: var(--vn-radius);
      font-size: 0.85rem;
      overflow-wrap: anywhere;
    }
    .steps > li {
      margin-bottom: 1rem;
    }
    .memberships {
      padding-left: 1.2rem;
    }
  `,
})
export class SecurityPage {
  private readonly authApi = inject(AuthApi);
  private readonly session = inject(AuthSession);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly roleLabels = ROLE_LABELS;
  protected readonly user = this.session.user;
  protected readonly enrollmentRequired = this.session.totpEnrollmentRequired;
  /** Set once the user enabled the factor on this visit while it was required: the rest of the editor is open now. */
  protected readonly justEnrolled = signal(false);
  protected readonly notice = signal<string | null>(null);

  protected readonly enrollment = signal<TotpSetupResponse | null>(null);
  protected readonly groupedSecret = computed(() => groupSecret(this.enrollment()?.secret ?? ''));
  protected readonly starting = signal(false);
  protected readonly sending = signal(false);
  protected readonly failure = signal<ApiFailure | null>(null);

  protected readonly codeForm = inject(NonNullableFormBuilder).group({
    code: ['', [Validators.required, Validators.pattern(TOTP_CODE)]],
  });
  protected readonly codeMessages = { pattern: 'Код должен состоять из 6 цифр' };

  protected async startEnrollment(): Promise<void> {
    this.failure.set(null);
    this.notice.set(null);
    this.starting.set(true);
    try {
      this.enrollment.set(await firstValueFrom(this.authApi.startTotpSetup()));
      this.codeForm.reset();
      focusAfterRender('totp-secret-heading', this.injector);
    } catch (error) {
      this.failure.set(toApiFailure(error));
    } finally {
      this.starting.set(false);
    }
  }

  protected cancelEnrollment(): void {
    this.enrollment.set(null);
    this.failure.set(null);
  }

  /** The server answers a new session, so a session limited to enrollment becomes a full one here and now. */
  protected async enable(): Promise<void> {
    const wasRequired = this.enrollmentRequired();
    if (!(await this.sendCode((code) => this.authApi.enableTotp({ code })))) return;
    this.enrollment.set(null);
    this.justEnrolled.set(wasRequired);
    this.notice.set('Вход с одноразовым кодом включён. При следующем входе понадобится код из приложения.');
  }

  protected async disable(): Promise<void> {
    if (await this.sendCode((code) => this.authApi.disableTotp({ code }))) this.notice.set('Вход с одноразовым кодом отключён.');
  }

  private async sendCode(call: (code: string) => Observable<CookieLoginResponse>): Promise<boolean> {
    if (this.sending()) return false;
    this.failure.set(null);
    if (this.codeForm.invalid) {
      this.codeForm.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement, this.injector);
      return false;
    }
    this.sending.set(true);
    try {
      this.session.start(await firstValueFrom(call(this.codeForm.getRawValue().code)));
      this.codeForm.reset();
      return true;
    } catch (error) {
      const failure = toApiFailure(error);
      if (failure.code === 'totp_invalid' || failure.code === 'validation_failed') {
        const errors = failure.errors?.length
          ? failure.errors
          : [{ field: 'code', rule: 'totp', message: failure.message }];
        applyServerErrors(this.codeForm, errors);
        focusFirstInvalid(this.host.nativeElement, this.injector);
      } else {
        this.failure.set(failure);
      }
      return false;
    } finally {
      this.sending.set(false);
    }
  }
}
