import { ChangeDetectionStrategy, Component, Injector, computed, effect, inject, input, resource, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidatorFn, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { AcceptInvitationRequest, PASSWORD_MIN_LENGTH, type InvitationDetails } from '@vestnik/contracts';
import { AuthSession, InvitationsApi, type ApiFailure, toApiFailure } from '@vestnik/editor/data-access';
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
import { firstValueFrom } from 'rxjs';
import { EntryLayout } from './entry-layout';

const TOTP_CODE = /^\d{6}$/;

/** What the link asks of the person: create an account, confirm with an existing one, or set a new password. */
export type InvitationMode = 'new-account' | 'existing-account' | 'reset';

export function invitationMode(details: InvitationDetails): InvitationMode {
  if (details.kind === 'password_reset') return 'reset';
  return details.accountExists ? 'existing-account' : 'new-account';
}

/** Applies `validators` only while `active()` holds: the same form serves all three modes. */
function onlyWhen(active: () => boolean, ...validators: ValidatorFn[]): ValidatorFn {
  const all = Validators.compose(validators);
  return (control: AbstractControl) => (active() && all ? all(control) : null);
}

/**
 * The page behind a one-time link (`/invite/:token`): joins an organization with consent — a new
 * account, or the password (and code) of an existing one — or sets a new password after a reset.
 */
@Component({
  selector: 'vn-invitation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, EntryLayout, FormField, FieldControl, SubmitButton, AlertMessage],
  templateUrl: './invitation-page.html',
  styles: `
    .offer {
      margin: 0 0 1rem;
    }
    .offer dt {
      font-weight: 600;
    }
    .offer dd {
      margin: 0 0 0.5rem;
    }
  `,
})
export class InvitationPage {
  /** From the route `/invite/:token`; bound by the router after creation, hence not `required`. */
  readonly token = input('');

  private readonly api = inject(InvitationsApi);
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  protected readonly t = inject(I18n).t;

  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly signedInAlready = this.session.signedIn();

  protected readonly offer = resource({
    params: () => this.token() || undefined,
    loader: ({ params }) => firstValueFrom(this.api.details(params)),
  });
  protected readonly details = computed(() => (this.offer.hasValue() ? this.offer.value() : null));
  /** Unknown, expired, revoked or used: the server says which. */
  protected readonly closed = computed(() => {
    const error = this.offer.error();
    return error ? toApiFailure(error, this.t) : null;
  });
  protected readonly mode = computed(() => {
    const details = this.details();
    return details ? invitationMode(details) : null;
  });
  protected readonly submitLabel = computed(() => {
    switch (this.mode()) {
      case 'reset':
        return this.t('auth.invitation.submitReset');
      case 'existing-account':
        return this.t('auth.invitation.submitAccept');
      default:
        return this.t('auth.invitation.submitCreate');
    }
  });
  /** The account has a second factor, or the server asked for it. */
  protected readonly askTotp = signal(false);
  /** A reset whose new password is saved, but the code did not pass: the person signs in normally. */
  protected readonly passwordSavedCodeRefused = signal(false);

  private readonly choosesPassword = () => this.mode() === 'new-account' || this.mode() === 'reset';
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [onlyWhen(() => this.mode() === 'new-account', FieldRules.filled, ...contractLength(AcceptInvitationRequest, 'name'))]],
    password: [
      '',
      // An existing account's own password may be older than today's minimum: the minimum holds only for a new one.
      [Validators.required, ...contractLength(AcceptInvitationRequest, 'password'), onlyWhen(this.choosesPassword, Validators.minLength(PASSWORD_MIN_LENGTH))],
    ],
    passwordConfirmation: ['', [onlyWhen(this.choosesPassword, Validators.required, FieldRules.sameAs('password', this.t('auth.field.passwordsDiffer')))]],
    totpCode: ['', [onlyWhen(() => this.askTotp(), Validators.required, Validators.pattern(TOTP_CODE))]],
  });
  private readonly submission = formSubmission(this.form, (error) => this.placeFailure(toApiFailure(error, this.t)));
  protected readonly sending = this.submission.sending;
  protected readonly failure = this.submission.failure;

  constructor() {
    effect(() => {
      const details = this.details();
      if (!details) return;
      untracked(() => {
        this.askTotp.set(details.totpRequired);
        if (details.suggestedName && !this.form.controls.name.value) this.form.controls.name.setValue(details.suggestedName);
        this.form.updateValueAndValidity();
      });
    });
    const controls = this.form.controls;
    controls.password.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => controls.passwordConfirmation.updateValueAndValidity());
  }

  protected async submit(): Promise<void> {
    const mode = this.mode();
    if (!mode) return;
    // The rules depend on the mode and on whether a code is asked: check them as they are now.
    for (const control of Object.values(this.form.controls)) control.updateValueAndValidity();
    const { name, password, totpCode } = this.form.getRawValue();
    const request: AcceptInvitationRequest = {
      password,
      ...(mode === 'new-account' ? { name: name.trim() } : {}),
      ...(this.askTotp() && mode !== 'new-account' ? { totpCode } : {}),
    };
    const response = await this.submission.run(() => this.api.accept(this.token(), request));
    if (!response) return;
    this.session.start(response);
    await this.router.navigateByUrl(response.totpEnrollmentRequired ? '/security' : '/');
  }

  /**
   * A refusal as the page shows it: beside its field where it has one, a code field opened when
   * asked for, the link's own state reloaded when it stopped working; null when nothing more is said.
   */
  private placeFailure(failure: ApiFailure): FormFailure | null {
    switch (failure.code) {
      case 'invalid_credentials':
        return { ...failure, code: 'validation_failed', errors: [{ field: 'password', rule: 'credentials', message: this.t('auth.invitation.wrongPassword') }] };
      case 'totp_required':
        this.askTotp.set(true);
        this.form.controls.totpCode.updateValueAndValidity();
        focusAfterRender('invitation-totp', this.injector);
        return null;
      case 'totp_invalid':
        if (this.mode() === 'reset') {
          this.passwordSavedCodeRefused.set(true);
          return null;
        }
        focusAfterRender('invitation-totp', this.injector);
        return { ...failure, code: 'validation_failed', errors: [{ field: 'totpCode', rule: 'totp', message: failure.message }] };
      case 'account_exists':
        // Someone created the account meanwhile (e.g. through another invitation): ask for its password instead.
        this.offer.reload();
        return failure;
      case 'invitation_not_found':
      case 'invitation_expired':
      case 'invitation_revoked':
      case 'invitation_used':
        this.offer.reload();
        return null;
      default:
        return failure;
    }
  }
}
