import { ChangeDetectionStrategy, Component, computed, inject, input, output, resource, signal } from '@angular/core';
import type { InvitationCreated, InvitationView, OrganizationView } from '@vestnik/contracts';
import { OrganizationsApi, type ApiFailure, toApiFailure } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { AlertMessage, formatDateTime } from '@vestnik/editor/ui';
import { firstValueFrom } from 'rxjs';

/** Invitations of the organization not yet accepted: revoke one, or send it again (a new link replaces the old). */
@Component({
  selector: 'vn-invitation-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AlertMessage],
  templateUrl: './invitation-list.html',
  styleUrl: './member-list.css',
})
export class InvitationList {
  readonly organization = input.required<OrganizationView>();
  /** Bumped by the parent after a new invitation, to reload. */
  readonly revision = input(0);
  readonly resent = output<InvitationCreated>();
  readonly revoked = output<InvitationView>();

  private readonly api = inject(OrganizationsApi);
  private readonly organizationId = computed(() => this.organization().id);
  private readonly reloads = signal(0);

  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  protected readonly busy = signal<string | null>(null);
  protected readonly failure = signal<ApiFailure | null>(null);

  protected readonly invitations = resource({
    params: () => ({ id: this.organizationId(), revision: this.revision(), reloads: this.reloads() }),
    loader: ({ params }) => firstValueFrom(this.api.invitations(params.id)),
  });
  protected readonly pending = computed<readonly InvitationView[]>(() => (this.invitations.hasValue() ? this.invitations.value() : []));
  protected readonly loadFailure = computed(() => {
    const error = this.invitations.error();
    return error ? toApiFailure(error) : null;
  });

  protected until(invitation: InvitationView): string {
    return formatDateTime(invitation.expiresAt, this.organization().timezone, this.i18n.locale());
  }

  protected async revoke(invitation: InvitationView): Promise<void> {
    await this.act(invitation, async () => {
      await firstValueFrom(this.api.revokeInvitation(this.organizationId(), invitation.id));
      this.revoked.emit(invitation);
    });
  }

  /** A new link for the same address and role; the old one stops working. */
  protected async resend(invitation: InvitationView): Promise<void> {
    await this.act(invitation, async () => {
      await firstValueFrom(this.api.revokeInvitation(this.organizationId(), invitation.id));
      this.resent.emit(await firstValueFrom(this.api.addMember(this.organizationId(), { email: invitation.email, role: invitation.role })));
    });
  }

  private async act(invitation: InvitationView, action: () => Promise<void>): Promise<void> {
    if (this.busy()) return;
    this.failure.set(null);
    this.busy.set(invitation.id);
    try {
      await action();
    } catch (error) {
      this.failure.set(toApiFailure(error));
    } finally {
      this.busy.set(null);
      this.reloads.update((n) => n + 1);
    }
  }
}
