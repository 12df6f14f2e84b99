import { ChangeDetectionStrategy, Component, Injector, computed, inject, resource, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { type CookieLoginResponse, type TotpSetupResponse } from '@vestnik/contracts';
import { AuthApi, AuthSession, type ApiFailure, toApiFailure } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { AlertMessage, FieldControl, FormField, SubmitButton, focusAfterRender, formSubmission } from '@vestnik/editor/ui';
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
      font-size: 0.8rem;
      overflow-wrap: anywhere;
    }
    .enroll-key {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 1rem 1.5rem;
    }
    .qr {
      display: block;
      width: 200px;
      height: 200px;
      border: 1px solid var(--vn-border-soft);
      border-radius: var(--vn-radius);
      background: #fff;
    }
    .qr--pending {
      display: flex;
      align-items: center;
      justify-content: center;
      margin: 0;
      padding: 1rem;
      box-sizing: border-box;
      text-align: center;
    }
    .enroll-key__manual {
      flex: 1 1 18rem;
      min-width: 0;
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
  private readonly injector = inject(Injector);
  protected readonly t = inject(I18n).t;

  protected readonly user = this.session.user;
  protected readonly enrollmentRequired = this.session.totpEnrollmentRequired;
  /** Set once the user enabled the factor on this visit while it was required: the rest of the editor is open now. */
  protected readonly justEnrolled = signal(false);
  /** What was just done here, said above the page. */
  private readonly done = signal<'enabled' | 'disabled' | null>(null);
  protected readonly notice = computed(() => {
    switch (this.done()) {
      case 'enabled':
        return this.t('auth.security.enabled');
      case 'disabled':
        return this.t('auth.security.disabled');
      default:
        return null;
    }
  });

  protected readonly enrollment = signal<TotpSetupResponse | null>(null);
  protected readonly groupedSecret = computed(() => groupSecret(this.enrollment()?.secret ?? ''));
  /** The enrollment address as a QR code image (an SVG data address: the page's policy allows data: images). */
  protected readonly qrCode = resource({
    params: () => this.enrollment()?.otpauthUrl,
    loader: async ({ params }) => {
      // A CommonJS package: the bundler hands its exports over as `default`.
      const loaded = await import('qrcode');
      const qrcode = loaded.default ?? loaded;
      const svg = await qrcode.toString(params, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    },
  });
  /** The image, once drawn (reading a failed resource's value would throw in the template). */
  protected readonly qrImage = computed(() => (this.qrCode.hasValue() ? this.qrCode.value() : undefined));
  protected readonly starting = signal(false);
  /** Starting enrollment failed (there is no form to put it beside). */
  protected readonly startFailure = signal<ApiFailure | null>(null);

  protected readonly codeForm = inject(NonNullableFormBuilder).group({
    code: ['', [Validators.required, Validators.pattern(TOTP_CODE)]],
  });
  /** A wrong code belongs beside the code field, as the server's field errors do. */
  private readonly submission = formSubmission(this.codeForm, (error) => {
    const failure = toApiFailure(error, this.t);
    if (failure.code !== 'totp_invalid') return failure;
    return { ...failure, code: 'validation_failed', errors: failure.errors?.length ? failure.errors : [{ field: 'code', rule: 'totp', message: failure.message }] };
  });
  protected readonly sending = this.submission.sending;
  protected readonly failure = computed(() => this.startFailure() ?? this.submission.failure());
  protected readonly codeMessages = computed(() => ({ pattern: this.t('auth.totp.pattern') }));

  protected async startEnrollment(): Promise<void> {
    this.startFailure.set(null);
    this.submission.failure.set(null);
    this.done.set(null);
    this.starting.set(true);
    try {
      this.enrollment.set(await firstValueFrom(this.authApi.startTotpSetup()));
      this.codeForm.reset();
      focusAfterRender('totp-secret-heading', this.injector);
    } catch (error) {
      this.startFailure.set(toApiFailure(error, this.t));
    } finally {
      this.starting.set(false);
    }
  }

  protected cancelEnrollment(): void {
    this.enrollment.set(null);
    this.submission.failure.set(null);
  }

  /** The server answers a new session, so a session limited to enrollment becomes a full one here and now. */
  protected async enable(): Promise<void> {
    const wasRequired = this.enrollmentRequired();
    if (!(await this.sendCode((code) => this.authApi.enableTotp({ code })))) return;
    this.enrollment.set(null);
    this.justEnrolled.set(wasRequired);
    this.done.set('enabled');
  }

  protected async disable(): Promise<void> {
    if (await this.sendCode((code) => this.authApi.disableTotp({ code }))) this.done.set('disabled');
  }

  private async sendCode(call: (code: string) => Observable<CookieLoginResponse>): Promise<boolean> {
    this.startFailure.set(null);
    const session = await this.submission.run(() => call(this.codeForm.getRawValue().code));
    if (!session) return false;
    this.session.start(session);
    this.codeForm.reset();
    return true;
  }
}
