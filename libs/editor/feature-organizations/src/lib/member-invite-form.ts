import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { AddMemberRequest, ROLES, type InvitationCreated, type OrganizationView, type Role } from '@vestnik/contracts';
import { OrganizationsApi, toApiFailure } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { AlertMessage, FieldControl, FieldRules, FormField, SubmitButton, contractLength, formSubmission } from '@vestnik/editor/ui';

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

  protected readonly roles = ROLES;
  protected readonly t = inject(I18n).t;
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [FieldRules.filled, FieldRules.email, ...contractLength(AddMemberRequest, 'email')]],
    name: ['', contractLength(AddMemberRequest, 'name')],
    role: ['editor' as Role, [Validators.required]],
    showLink: [false],
  });

  protected readonly submission = formSubmission(this.form, toApiFailure);

  protected async submit(): Promise<void> {
    const { email, name, role, showLink } = this.form.getRawValue();
    const invitation = await this.submission.run(() =>
      this.api.addMember(this.organization().id, {
        email: email.trim(),
        role,
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(showLink ? { showLink } : {}),
      }),
    );
    if (!invitation) return;
    this.form.reset();
    this.invited.emit(invitation);
  }
}
