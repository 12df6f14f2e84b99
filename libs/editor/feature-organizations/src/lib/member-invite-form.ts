import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { ROLES, ROLE_LABELS, type InvitationCreated, type OrganizationView, type Role } from '@vestnik/contracts';
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

/**
 * Invites a person by e-mail. The role is given only when the person accepts: with a new account, or
 * by confirming with the password of an existing one. Nobody else chooses the person's password.
 */
@Component({
  selector: 'vn-member-invite-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, FormField, FieldControl, SubmitButton, AlertMessage],
  templateUrl: './member-invite-form.html',
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
export class MemberInviteForm {
  readonly organization = input.required<OrganizationView>();
  readonly invited = output<InvitationCreated>();
  readonly cancelled = output<void>();

  private readonly api = inject(OrganizationsApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly sending = signal(false);
  protected readonly failure = signal<ApiFailure | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [FieldRules.filled, FieldRules.email, Validators.maxLength(254)]],
    name: ['', [Validators.maxLength(200)]],
    role: ['editor' as Role, [Validators.required]],
    showLink: [false],
  });

  protected async submit(): Promise<void> {
    if (this.sending()) return;
    this.failure.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement, this.injector);
      return;
    }
    const { email, name, role, showLink } = this.form.getRawValue();
    this.sending.set(true);
    try {
      const invitation = await firstValueFrom(
        this.api.addMember(this.organization().id, {
          email: email.trim(),
          role,
          ...(name.trim() ? { name: name.trim() } : {}),
          ...(showLink ? { showLink } : {}),
        }),
      );
      this.form.reset();
      this.invited.emit(invitation);
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
