import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ROLE_LABELS, roleAtLeast, type OrganizationView } from '@vestnik/contracts';
import { OrganizationsApi, type ApiFailure, toApiFailure, visibleAncestors } from '@vestnik/editor/data-access';
import { AlertMessage, describeTimeZone, formatDate } from '@vestnik/editor/ui';
import { firstValueFrom } from 'rxjs';
import { ChildOrganizationForm } from './child-organization-form';
import { MemberList } from './member-list';
import { OrganizationDirectory } from './organization-directory';
import { OrganizationSettingsForm } from './organization-settings-form';

type DetailMode = 'view' | 'edit' | 'add-child' | 'confirm-archive';

/** The selected organization: facts for everyone, settings, children, archive and members for admins. */
@Component({
  selector: 'vn-organization-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, AlertMessage, OrganizationSettingsForm, ChildOrganizationForm, MemberList],
  templateUrl: './organization-detail.html',
  styleUrl: './organization-detail.css',
})
export class OrganizationDetail {
  readonly organization = input.required<OrganizationView>();
  /** A child was created: the page selects it. */
  readonly created = output<OrganizationView>();

  private readonly api = inject(OrganizationsApi);
  private readonly directory = inject(OrganizationDirectory);

  protected readonly roleLabels = ROLE_LABELS;
  protected readonly describeTimeZone = describeTimeZone;

  /** The id alone: a reloaded list brings a new object for the same organization, which must not reset the panel. */
  private readonly organizationId = computed(() => this.organization().id);

  /** Back to plain viewing whenever another organization is selected. */
  protected readonly mode = linkedSignal<string, DetailMode>({
    source: this.organizationId,
    computation: () => 'view',
  });
  protected readonly notice = linkedSignal<string, string | null>({
    source: this.organizationId,
    computation: () => null,
  });
  protected readonly failure = signal<ApiFailure | null>(null);
  protected readonly archiving = signal(false);

  protected readonly isAdmin = computed(() => this.organization().myRole === 'admin');
  protected readonly canReadAudit = computed(() => roleAtLeast(this.organization().myRole, 'supervisor'));
  protected readonly parent = computed(() => {
    const parentId = this.organization().parentId;
    return parentId ? (this.directory.byId().get(parentId) ?? null) : null;
  });
  protected readonly createdOn = computed(() => formatDate(this.organization().createdAt, this.organization().timezone));

  /** Where an inherited zone comes from, when that ancestor is visible to the user. */
  protected readonly zoneSource = computed(() => {
    const o = this.organization();
    if (o.ownTimezone) return 'задан для этой организации';
    const source = visibleAncestors(o, this.directory.byId()).find((a) => a.ownTimezone);
    return source ? `унаследован от «${source.name}»` : 'унаследован от вышестоящей организации';
  });

  /** Whether the four-eyes rule is this organization's own choice or a requirement, and whose. */
  protected readonly fourEyesSource = computed(() => {
    const o = this.organization();
    const requiredBy = o.fourEyes.requiredBy;
    if (!requiredBy) return 'задано для этой организации';
    if (requiredBy.id === o.id) return 'обязательно здесь и во всех подчинённых организациях';
    return `обязательно по требованию «${requiredBy.name}» для всех подчинённых организаций`;
  });

  protected onSaved(): void {
    this.mode.set('view');
    this.directory.reload();
    this.notice.set('Изменения сохранены.');
  }

  protected onCreated(child: OrganizationView): void {
    this.mode.set('view');
    this.directory.reload();
    this.created.emit(child);
  }

  protected async setArchived(archived: boolean): Promise<void> {
    const o = this.organization();
    this.failure.set(null);
    this.archiving.set(true);
    try {
      await firstValueFrom(archived ? this.api.archive(o.id) : this.api.unarchive(o.id));
      // An archived organization disappears from the default list: show archived ones to keep it in view.
      // The page keeps showing it (by ?org=) while the new list comes, so the notice below stays.
      if (archived) this.directory.showArchived(true);
      this.directory.reload();
      this.mode.set('view');
      this.notice.set(archived ? `«${o.name}» перемещена в архив.` : `«${o.name}» возвращена из архива.`);
    } catch (error) {
      this.failure.set(toApiFailure(error));
    } finally {
      this.archiving.set(false);
    }
  }
}
