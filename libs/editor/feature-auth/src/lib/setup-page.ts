import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@vestnik/contracts';
import { AuthSession, SetupApi, type ApiFailure, toApiFailure } from '@vestnik/editor/data-access';
import {
  AlertMessage,
  FieldControl,
  FieldRules,
  FormField,
  SubmitButton,
  applyServerErrors,
  focusFirstInvalid,
  suggestedTimeZone,
  timeZoneChoices,
} from '@vestnik/editor/ui';
import { firstValueFrom } from 'rxjs';
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
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly zones = timeZoneChoices();

  protected readonly form = this.fb.group({
    organization: this.fb.group({
      name: ['', [FieldRules.filled, Validators.maxLength(200)]],
      timezone: [suggestedTimeZone(), [Validators.required, FieldRules.timeZone]],
    }),
    admin: this.fb.group({
      name: ['', [FieldRules.filled, Validators.maxLength(200)]],
      email: ['', [FieldRules.filled, FieldRules.email, Validators.maxLength(254)]],
      password: [
        '',
        [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)],
      ],
      passwordConfirmation: ['', [Validators.required, FieldRules.sameAs('password', 'Пароли не совпадают')]],
    }),
  });

  protected readonly sending = signal(false);
  protected readonly failure = signal<ApiFailure | null>(null);
  /** Someone finished setup meanwhile (409): the form has nothing left to do. */
  protected readonly alreadyDone = signal(false);

  constructor() {
    const admin = this.form.controls.admin.controls;
    admin.password.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => admin.passwordConfirmation.updateValueAndValidity());
  }

  protected async submit(): Promise<void> {
    if (this.sending()) return;
    this.failure.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement, this.injector);
      return;
    }
    const { organization, admin } = this.form.getRawValue();
    this.sending.set(true);
    try {
      const response = await firstValueFrom(
        this.setupApi.run({
          organization: { name: organization.name.trim(), timezone: organization.timezone },
          admin: { email: admin.email.trim(), password: admin.password, name: admin.name.trim() },
        }),
      );
      this.setupApi.markDone();
      this.session.start(response);
      await this.router.navigateByUrl(response.totpEnrollmentRequired ? '/security' : '/');
    } catch (error) {
      const failure = toApiFailure(error);
      if (failure.statusCode === 409) {
        this.setupApi.markDone();
        this.alreadyDone.set(true);
      } else if (failure.code === 'validation_failed') {
        const unplaced = applyServerErrors(this.form, failure.errors);
        if (unplaced.length) this.failure.set({ ...failure, message: unplaced.map((e) => e.message).join(' ') });
        focusFirstInvalid(this.host.nativeElement, this.injector);
      } else {
        this.failure.set(failure);
      }
    } finally {
      this.sending.set(false);
    }
  }
}
