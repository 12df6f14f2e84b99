import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import type { InvitationCreated, InvitationView, MemberView, OrganizationView } from '@vestnik/contracts';
import { AuthSession, OrganizationsApi, type ApiFailure, toApiFailure } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { AlertMessage, formatDate } from '@vestnik/editor/ui';
import { firstValueFrom } from 'rxjs';
import { InvitationList } from './invitation-list';
import { MemberInviteForm } from './member-invite-form';
import { OneTimeLink } from './one-time-link';

/** A link the server answered once, with what it is for (functions: the words follow a switch of language). */
interface ShownLink {
  url: string;
  heading: () => string;
  explanation: () => string;
}

/** Members of an organization, for its administrators: list, invite, reset a password, remove. */
@Component({
  selector: 'vn-member-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AlertMessage, MemberInviteForm, InvitationList, OneTimeLink],
  templateUrl: './member-list.html',
  styleUrl: './member-list.css',
})
export class MemberList {
  readonly organization = input.required<OrganizationView>();

  private readonly api = inject(OrganizationsApi);
  private readonly session = inject(AuthSession);
  private loadSequence = 0;

  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  protected readonly members = signal<readonly MemberView[]>([]);
  protected readonly loading = signal(false);
  protected readonly failure = signal<ApiFailure | null>(null);
  /** A function, so the notice follows a switch of language while it is shown. */
  protected readonly notice = signal<(() => string) | null>(null);
  protected readonly adding = signal(false);
  /** The member whose removal waits for a second click: removing access deserves a confirmation. */
  protected readonly confirmingRemoval = signal<string | null>(null);
  protected readonly removing = signal<string | null>(null);
  /** The member whose password reset waits for a second click: it ends all of that person's sessions. */
  protected readonly confirmingReset = signal<string | null>(null);
  protected readonly resetting = signal<string | null>(null);
  protected readonly shownLink = signal<ShownLink | null>(null);
  protected readonly invitationsRevision = signal(0);
  protected readonly myUserId = computed(() => this.session.user()?.id ?? null);
  /** Reload only when another organization is shown, not when the same one arrives as a new object. */
  private readonly organizationId = computed(() => this.organization().id);

  constructor() {
    effect(() => {
      const id = this.organizationId();
      untracked(() => {
        this.adding.set(false);
        this.notice.set(null);
        this.shownLink.set(null);
        this.confirmingRemoval.set(null);
        this.confirmingReset.set(null);
        void this.load(id);
      });
    });
  }

  protected since(member: MemberView): string {
    return formatDate(member.createdAt, this.organization().timezone, this.i18n.locale());
  }

  protected onInvited(invitation: InvitationCreated): void {
    this.adding.set(false);
    this.showInvitation(invitation);
    this.invitationsRevision.update((n) => n + 1);
  }

  protected showInvitation(invitation: InvitationCreated): void {
    const { email } = invitation;
    const role = () => this.t(`common.role.${invitation.role}`);
    if (invitation.inviteUrl) {
      this.notice.set(null);
      this.shownLink.set({
        url: invitation.inviteUrl,
        heading: () => this.t('organizations.members.invitationHeading', { email }),
        explanation: () => this.t('organizations.members.invitationExplanation', { role: role() }),
      });
    } else {
      this.shownLink.set(null);
      this.notice.set(() => this.t('organizations.members.invitationSent', { role: role(), email }));
    }
  }

  protected onRevoked(invitation: InvitationView): void {
    this.shownLink.set(null);
    this.notice.set(() => this.t('organizations.members.invitationRevoked', { email: invitation.email }));
  }

  protected async resetPassword(member: MemberView): Promise<void> {
    this.failure.set(null);
    this.resetting.set(member.userId);
    try {
      const issued = await firstValueFrom(this.api.resetPassword(this.organization().id, member.userId));
      this.confirmingReset.set(null);
      if (issued.resetUrl) {
        this.notice.set(null);
        this.shownLink.set({
          url: issued.resetUrl,
          heading: () => this.t('organizations.members.resetHeading', { name: member.name }),
          explanation: () => this.t('organizations.members.resetExplanation'),
        });
      } else {
        this.shownLink.set(null);
        this.notice.set(() => this.t('organizations.members.resetSent', { email: member.email }));
      }
    } catch (error) {
      this.failure.set(toApiFailure(error));
    } finally {
      this.resetting.set(null);
    }
  }

  protected async remove(member: MemberView): Promise<void> {
    this.failure.set(null);
    this.removing.set(member.userId);
    try {
      await firstValueFrom(this.api.removeMember(this.organization().id, member.userId));
      this.notice.set(() => this.t('organizations.members.removed', { name: member.name }));
      this.confirmingRemoval.set(null);
      await this.load(this.organization().id);
    } catch (error) {
      this.failure.set(toApiFailure(error));
    } finally {
      this.removing.set(null);
    }
  }

  private async load(organizationId: string): Promise<void> {
    const sequence = ++this.loadSequence;
    this.loading.set(true);
    try {
      const members = await firstValueFrom(this.api.members(organizationId));
      if (sequence !== this.loadSequence) return;
      this.members.set(members);
      this.failure.set(null);
    } catch (error) {
      if (sequence === this.loadSequence) this.failure.set(toApiFailure(error));
    } finally {
      if (sequence === this.loadSequence) this.loading.set(false);
    }
  }
}
