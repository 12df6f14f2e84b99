import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  ROLES,
  ROLE_LABELS,
  type MemberView,
  type OrganizationView,
  type Role,
} from '@vestnik/contracts';
import { OrganizationsApi, type ApiFailure, toApiFailure } from '@vestnik/editor/data-access';
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

/** Gives a person a role in the organization; creates the account when the e-mail is new. */
@Component({
  selector: 'vn-member-add-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, FormField, FieldControl, SubmitButton, AlertMessage],
  templateUrl: './member-add-form.html',
  styles: `
    :host {
      display: block;
      padding: 1rem;
      margin-bottom: 1rem;
      border: 1px solid var(--vn-border-soft);
      border-radius: var(--vn-radius);
      background: #fafbfc;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr));
      column-gap: 1rem;
    }
  `,
})
export class MemberAddForm {
  readonly organization = input.required<OrganizationView>();
  readonly added = output<MemberView>();
  readonly cancelled = output<void>();

  private readonly api = inject(OrganizationsApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly passwordHint = `Нужен, только если у человека ещё нет учётной записи в Вестнике. Не короче ${PASSWORD_MIN_LENGTH} символов; передайте пароль сотруднику лично.`;
  protected readonly sending = signal(false);
  protected readonly failure = signal<ApiFailure | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [FieldRules.filled, FieldRules.email, Validators.maxLength(254)]],
    name: ['', [FieldRules.filled, Validators.maxLength(200)]],
    password: ['', [Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)]],
    role: ['editor' as Role, [Validators.required]],
  });

  protected async submit(): Promise<void> {
    if (this.sending()) return;
    this.failure.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement, this.injector);
      return;
    }
    const { email, name, password, role } = this.form.getRawValue();
    this.sending.set(true);
    try {
      const member = await firstValueFrom(
        this.api.addMember(this.organization().id, {
          email: email.trim(),
          name: name.trim(),
          role,
          ...(password ? { password } : {}),
        }),
      );
      this.form.reset();
      this.added.emit(member);
    } catch (error) {
      const failure = toApiFailure(error);
      const unplaced = failure.code === 'validation_failed' ? applyServerErrors(this.form, failure.errors) : [];
      if (failure.code !== 'validation_failed' || unplaced.length) this.failure.set(failure);
      focusFirstInvalid(this.host.nativeElement, this.injector);
    } finally {
      this.sending.set(false);
    }
  }
}
