import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { roleAtLeast, type OrganizationView } from '@vestnik/contracts';
import { OrganizationsApi, type ApiFailure, toApiFailure, visibleAncestors } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
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

  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  protected readonly describeZone = (zone: string) => describeTimeZone(zone, this.t);

  /** The id alone: a reloaded list brings a new object for the same organization, which must not reset the panel. */
  private readonly organizationId = computed(() => this.organization().id);

  /** Back to plain viewing whenever another organization is selected. */
  protected readonly mode = linkedSignal<string, DetailMode>({
    source: this.organizationId,
    computation: () => 'view',
  });
  /** A function, so the notice follows a switch of language while it is shown. */
  protected readonly notice = linkedSignal<string, (() => string) | null>({
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
  protected readonly createdOn = computed(() => formatDate(this.organization().createdAt, this.organization().timezone, this.i18n.locale()));

  /** Where an inherited zone comes from, when that ancestor is visible to the user. */
  protected readonly zoneSource = computed(() => {
    const o = this.organization();
    if (o.ownTimezone) return this.t('organizations.detail.zoneOwn');
    const source = visibleAncestors(o, this.directory.byId()).find((a) => a.ownTimezone);
    return source ? this.t('organizations.detail.zoneInheritedFrom', { name: source.name }) : this.t('organizations.detail.zoneInherited');
  });

  /** Whether the four-eyes rule is this organization's own choice or a requirement, and whose. */
  protected readonly fourEyesSource = computed(() => {
    const o = this.organization();
    const requiredBy = o.fourEyes.requiredBy;
    if (!requiredBy) return this.t('organizations.detail.fourEyesOwn');
    if (requiredBy.id === o.id) return this.t('organizations.detail.fourEyesRequiredHere');
    return this.t('organizations.detail.fourEyesRequiredBy', { name: requiredBy.name });
  });

  protected onSaved(): void {
    this.mode.set('view');
    this.directory.reload();
    this.notice.set(() => this.t('organizations.detail.saved'));
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
      this.notice.set(archived ? () => this.t('organizations.detail.archived', { name: o.name }) : () => this.t('organizations.detail.unarchived', { name: o.name }));
    } catch (error) {
      this.failure.set(toApiFailure(error));
    } finally {
      this.archiving.set(false);
    }
  }
}
