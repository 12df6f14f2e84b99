import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { ROLE_LABELS, type MemberView, type OrganizationView } from '@vestnik/contracts';
import { AuthSession, OrganizationsApi, type ApiFailure, toApiFailure } from '@vestnik/editor/data-access';
import { AlertMessage, formatDate } from '@vestnik/editor/ui';
import { firstValueFrom } from 'rxjs';
import { MemberAddForm } from './member-add-form';

/** Members of an organization, for its administrators: list, add, remove. */
@Component({
  selector: 'vn-member-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AlertMessage, MemberAddForm],
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
  protected readonly myUserId = computed(() => this.session.user()?.id ?? null);
  /** Reload only when another organization is shown, not when the same one arrives as a new object. */
  private readonly organizationId = computed(() => this.organization().id);

  constructor() {
    effect(() => {
      const id = this.organizationId();
      untracked(() => {
        this.adding.set(false);
        this.notice.set(null);
        this.confirmingRemoval.set(null);
        void this.load(id);
      });
    });
  }

  protected since(member: MemberView): string {
    return formatDate(member.createdAt, this.organization().timezone);
  }

  protected async onAdded(member: MemberView): Promise<void> {
    this.adding.set(false);
    this.notice.set(`${member.name} добавлен(а) с ролью «${ROLE_LABELS[member.role]}».`);
    await this.load(this.organization().id);
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
