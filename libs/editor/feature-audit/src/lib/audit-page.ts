import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { roleAtLeast, type AuditEntryView, type OrganizationView, type Page } from '@vestnik/contracts';
import { AuditApi, OrganizationsApi, type ApiFailure, toApiFailure } from '@vestnik/editor/data-access';
import { AlertMessage, describeTimeZone, formatDateTime, shortTimeZone, zonedDayStart } from '@vestnik/editor/ui';
import { firstValueFrom } from 'rxjs';
import { describeAction, describeTarget, summarizeChange } from './audit-format';

const PAGE_SIZE = 50;

interface AuditRow {
  entry: AuditEntryView;
  time: string;
  action: string;
  target: string;
  changes: string[];
}

/** The journal of an organization's actions, paged, with times in the organization's own zone. */
@Component({
  selector: 'vn-audit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink, AlertMessage],
  templateUrl: './audit-page.html',
  styleUrl: './audit-page.css',
})
export class AuditPage {
  /** Query parameters: the page's state lives in the URL so it can be reloaded and shared. */
  readonly organizationId = input<string>();
  readonly offset = input<string>();
  readonly from = input<string>();
  readonly to = input<string>();

  private readonly auditApi = inject(AuditApi);
  private readonly organizationsApi = inject(OrganizationsApi);
  private readonly router = inject(Router);
  private loadSequence = 0;

  protected readonly organizations = signal<readonly OrganizationView[] | null>(null);
  /** Only supervisors and admins may read a journal. */
  protected readonly readable = computed(() =>
    (this.organizations() ?? []).filter((o) => roleAtLeast(o.myRole, 'supervisor')),
  );
  protected readonly organization = computed(
    () => this.organizations()?.find((o) => o.id === this.organizationId()) ?? null,
  );
  protected readonly timeZone = computed(() => this.organization()?.timezone ?? null);
  protected readonly zoneText = computed(() => {
    const zone = this.timeZone();
    return zone ? describeTimeZone(zone) : '';
  });
  protected readonly zoneShort = computed(() => {
    const zone = this.timeZone();
    return zone ? shortTimeZone(zone) : '';
  });

  protected readonly page = signal<Page<AuditEntryView> | null>(null);
  protected readonly loading = signal(false);
  protected readonly failure = signal<ApiFailure | null>(null);

  protected readonly pickedOrganization = linkedSignal(() => this.organizationId() ?? '');
  protected readonly pickedFrom = linkedSignal(() => this.from() ?? '');
  protected readonly pickedTo = linkedSignal(() => this.to() ?? '');
  protected readonly filterError = signal<string | null>(null);

  private readonly names = computed(() => new Map((this.organizations() ?? []).map((o) => [o.id, o.name])));

  protected readonly rows = computed<AuditRow[]>(() => {
    const zone = this.timeZone();
    const names = this.names();
    if (!zone) return [];
    return (this.page()?.items ?? []).map((entry) => ({
      entry,
      time: formatDateTime(entry.at, zone),
      action: describeAction(entry.action),
      target: describeTarget(entry, names),
      changes: summarizeChange(entry, names),
    }));
  });

  protected readonly range = computed(() => {
    const page = this.page();
    if (!page || page.total === 0) return null;
    return { first: page.offset + 1, last: page.offset + page.items.length, total: page.total };
  });
  protected readonly hasPrevious = computed(() => (this.page()?.offset ?? 0) > 0);
  protected readonly hasNext = computed(() => {
    const page = this.page();
    return !!page && page.offset + page.items.length < page.total;
  });

  constructor() {
    void this.loadOrganizations();
    effect(() => {
      const organization = this.organization();
      const offset = Math.max(0, Number(this.offset() ?? 0) || 0);
      const from = this.from();
      const to = this.to();
      if (!organization) return;
      untracked(() => void this.loadPage(organization, offset, from, to));
    });
  }

  protected applyFilter(): void {
    this.filterError.set(null);
    const from = this.pickedFrom();
    const to = this.pickedTo();
    if (from && to && from > to) {
      this.filterError.set('Дата «с» должна быть не позже даты «по».');
      return;
    }
    void this.router.navigate([], {
      queryParams: { organizationId: this.pickedOrganization() || null, from: from || null, to: to || null, offset: null },
    });
  }

  protected goTo(offset: number): void {
    void this.router.navigate([], {
      queryParams: { offset: offset > 0 ? offset : null },
      queryParamsHandling: 'merge',
    });
  }

  protected previousOffset(): number {
    return Math.max(0, (this.page()?.offset ?? 0) - PAGE_SIZE);
  }

  protected nextOffset(): number {
    const page = this.page();
    return page ? page.offset + page.items.length : 0;
  }

  private async loadOrganizations(): Promise<void> {
    try {
      this.organizations.set(await firstValueFrom(this.organizationsApi.list(true)));
    } catch (error) {
      this.organizations.set([]);
      this.failure.set(toApiFailure(error));
    }
  }

  private async loadPage(organization: OrganizationView, offset: number, from?: string, to?: string): Promise<void> {
    const sequence = ++this.loadSequence;
    this.loading.set(true);
    this.failure.set(null);
    // Dates are typed as calendar days of the organization's zone; the API wants instants.
    const fromInstant = from ? zonedDayStart(from, organization.timezone) : null;
    const toInstant = to ? zonedDayStart(to, organization.timezone, true) : null;
    try {
      const page = await firstValueFrom(
        this.auditApi.page({
          organizationId: organization.id,
          limit: PAGE_SIZE,
          offset,
          ...(fromInstant ? { from: fromInstant } : {}),
          ...(toInstant ? { to: toInstant } : {}),
        }),
      );
      if (sequence === this.loadSequence) this.page.set(page);
    } catch (error) {
      if (sequence === this.loadSequence) {
        this.page.set(null);
        this.failure.set(toApiFailure(error));
      }
    } finally {
      if (sequence === this.loadSequence) this.loading.set(false);
    }
  }
}
