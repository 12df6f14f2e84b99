import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { PASSWORD_MIN_LENGTH, SetupAdminInput, SetupOrganizationInput } from '@vestnik/contracts';
import { AuthSession, SetupApi, toApiFailure } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import {
  AlertMessage,
  FieldControl,
  FieldRules,
  FormField,
  SubmitButton,
  contractLength,
  formSubmission,
  suggestedTimeZone,
  timeZoneChoices,
} from '@vestnik/editor/ui';
import { EntryLayout } from './entry-layout';

/** First run: the root organization and its first administrator, in one form. */
@Component({
  selector: 'vn-setup-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, EntryLayout, FormField, FieldControl, SubmitButton, AlertMessage],
  templateUrl: './setup-page.html',
})
export class SetupPage {
  private readonly setupApi = inject(SetupApi);
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly t = inject(I18n).t;

  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly zones = computed(() => timeZoneChoices(this.t));

  protected readonly form = this.fb.group({
    organization: this.fb.group({
      name: ['', [FieldRules.filled, ...contractLength(SetupOrganizationInput, 'name')]],
      timezone: [suggestedTimeZone(), [Validators.required, FieldRules.timeZone]],
    }),
    admin: this.fb.group({
      name: ['', [FieldRules.filled, ...contractLength(SetupAdminInput, 'name')]],
      email: ['', [FieldRules.filled, FieldRules.email, ...contractLength(SetupAdminInput, 'email')]],
      password: ['', [Validators.required, ...contractLength(SetupAdminInput, 'password')]],
      passwordConfirmation: ['', [Validators.required, FieldRules.sameAs('password', this.t('auth.field.passwordsDiffer'))]],
    }),
  });

  /** Someone finished setup meanwhile (409): the form has nothing left to do. */
  protected readonly alreadyDone = signal(false);
  private readonly submission = formSubmission(this.form, (error) => {
    const failure = toApiFailure(error, this.t);
    if (failure.statusCode === 409) {
      this.setupApi.markDone();
      this.alreadyDone.set(true);
    }
    return failure;
  });
  protected readonly sending = this.submission.sending;
  protected readonly failure = this.submission.failure;

  constructor() {
    const admin = this.form.controls.admin.controls;
    admin.password.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => admin.passwordConfirmation.updateValueAndValidity());
  }

  protected async submit(): Promise<void> {
    const { organization, admin } = this.form.getRawValue();
    const response = await this.submission.run(() =>
      this.setupApi.run({
        organization: { name: organization.name.trim(), timezone: organization.timezone },
        admin: { email: admin.email.trim(), password: admin.password, name: admin.name.trim() },
      }),
    );
    if (!response) return;
    this.setupApi.markDone();
    this.session.start(response);
    await this.router.navigateByUrl(response.totpEnrollmentRequired ? '/security' : '/');
  }
}
