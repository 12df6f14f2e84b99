import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { ROLE_LABELS, type InvitationCreated, type InvitationView, type MemberView, type OrganizationView } from '@vestnik/contracts';
import { AuthSession, OrganizationsApi, type ApiFailure, toApiFailure } from '@vestnik/editor/data-access';
import { AlertMessage, formatDate } from '@vestnik/editor/ui';
import { firstValueFrom } from 'rxjs';
import { InvitationList } from './invitation-list';
import { MemberInviteForm } from './member-invite-form';
import { OneTimeLink } from './one-time-link';

/** A link the server answered once, with what it is for. */
interface ShownLink {
  url: string;
  heading: string;
  explanation: string;
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

  protected readonly roleLabels = ROLE_LABELS;
  protected readonly members = signal<readonly MemberView[]>([]);
  protected readonly loading = signal(false);
  protected readonly failure = signal<ApiFailure | null>(null);
  protected readonly notice = signal<string | null>(null);
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
    return formatDate(member.createdAt, this.organization().timezone);
  }

  protected onInvited(invitation: InvitationCreated): void {
    this.adding.set(false);
    this.showInvitation(invitation);
    this.invitationsRevision.update((n) => n + 1);
  }

  protected showInvitation(invitation: InvitationCreated): void {
    const role = ROLE_LABELS[invitation.role];
    if (invitation.inviteUrl) {
      this.notice.set(null);
      this.shownLink.set({
        url: invitation.inviteUrl,
        heading: `Приглашение для ${invitation.email}`,
        explanation: `Передайте эту ссылку сотруднику. Открыв её, он примет роль «${role}» — создаст учётную запись или подтвердит согласие паролем своей.`,
      });
    } else {
      this.shownLink.set(null);
      this.notice.set(`Приглашение с ролью «${role}» отправлено на ${invitation.email}. Роль появится, когда сотрудник его примет.`);
    }
  }

  protected onRevoked(invitation: InvitationView): void {
    this.shownLink.set(null);
    this.notice.set(`Приглашение для ${invitation.email} отозвано: ссылка больше не действует.`);
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
          heading: `Смена пароля: ${member.name}`,
          explanation: 'Прежний пароль больше не действует, все сеансы сотрудника завершены. Передайте ему эту ссылку: по ней он задаст новый пароль.',
        });
      } else {
        this.shownLink.set(null);
        this.notice.set(`Пароль сброшен, все сеансы завершены. Ссылка для смены пароля отправлена на ${member.email}.`);
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
      this.notice.set(`${member.name} больше не имеет доступа к организации.`);
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
