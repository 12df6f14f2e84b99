import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, signal, untracked } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { roleAtLeast, type AuditEntryView } from '@vestnik/contracts';
import { AuditApi, CurrentOrganization, toApiFailure } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { AlertMessage, describeTimeZone, shortTimeZone, zonedDayStart } from '@vestnik/editor/ui';
import { describeAction, describeTarget, summarizeChange, type AuditTarget } from './audit-format';

const PAGE_SIZE = 50;

interface AuditRow {
  entry: AuditEntryView;
  time: string;
  action: string;
  target: AuditTarget;
  changes: string[];
}

/**
 * The journal of the current organization's actions, paged, in words, with times in the
 * organization's own zone. `?organizationId=` (a link from the organization) makes it current.
 */
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
  private readonly current = inject(CurrentOrganization);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly organization = this.current.organization;
  protected readonly listLoaded = computed(() => this.current.all.status() !== 'loading' && this.current.all.status() !== 'idle');
  /** Only supervisors and admins may read a journal. */
  protected readonly readable = computed(() => {
    const o = this.organization();
    return !!o && roleAtLeast(o.myRole, 'supervisor');
  });
  protected readonly timeZone = this.current.timezone;
  protected readonly zoneText = computed(() => {
    const zone = this.timeZone();
    return zone ? describeTimeZone(zone, this.t) : '';
  });
  protected readonly zoneShort = computed(() => {
    const zone = this.timeZone();
    return zone ? shortTimeZone(zone, this.t) : '';
  });

  protected readonly pickedFrom = linkedSignal(() => this.from() ?? '');
  protected readonly pickedTo = linkedSignal(() => this.to() ?? '');
  /** The key of the filter's complaint: its words follow a switch of language. */
  protected readonly filterError = signal<string | null>(null);

  /** One request per organization, period and page; a newer key cancels the older answer. */
  protected readonly journal = rxResource({
    params: () => {
      const organization = this.organization();
      if (!organization || !this.readable()) return undefined;
      // Dates are typed as calendar days of the organization's zone; the API wants instants.
      const from = this.from() ? zonedDayStart(this.from() ?? '', organization.timezone) : null;
      const to = this.to() ? zonedDayStart(this.to() ?? '', organization.timezone, true) : null;
      return {
        organizationId: organization.id,
        limit: PAGE_SIZE,
        offset: Math.max(0, Number(this.offset() ?? 0) || 0),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      };
    },
    stream: ({ params }) => this.auditApi.page(params),
  });
  protected readonly page = computed(() => (this.journal.hasValue() ? this.journal.value() : null));
  protected readonly failure = computed(() => {
    const error = this.journal.error();
    return error ? toApiFailure(error) : null;
  });
  protected readonly loading = this.journal.isLoading;

  private readonly names = computed(() => new Map([...this.current.byId().values()].map((o) => [o.id, o.name])));

  protected readonly rows = computed<AuditRow[]>(() => {
    const timeZone = this.timeZone();
    const names = this.names();
    if (!timeZone) return [];
    const t = this.t;
    const formatTime = (iso: string) => this.i18n.date(iso, { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    const context = { names, formatTime, t, locale: this.i18n.locale() };
    return (this.page()?.items ?? []).map((entry) => ({
      entry,
      time: formatTime(entry.at),
      action: describeAction(entry.action, t),
      target: describeTarget(entry, names, t),
      changes: summarizeChange(entry, context),
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
    // A link naming an organization makes it the current one, once the list knows it.
    effect(() => {
      const wanted = this.organizationId();
      if (wanted && this.current.byId().has(wanted) && untracked(this.current.id) !== wanted) this.current.choose(wanted);
    });
    // Another organization chosen in the header: its journal from the first page, the link updated.
    let shown: string | null = null;
    effect(() => {
      const id = this.current.id();
      untracked(() => {
        if (shown && id && id !== shown) {
          void this.router.navigate([], { queryParams: { organizationId: id, offset: null }, queryParamsHandling: 'merge', replaceUrl: true });
        }
        shown = id;
      });
    });
  }

  protected applyFilter(): void {
    this.filterError.set(null);
    const from = this.pickedFrom();
    const to = this.pickedTo();
    if (from && to && from > to) {
      this.filterError.set('audit.filters.fromAfterTo');
      return;
    }
    void this.router.navigate([], {
      queryParams: { from: from || null, to: to || null, offset: null },
      queryParamsHandling: 'merge',
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
}
