import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { roleAtLeast, type PlanFormat, type PlanImportView } from '@vestnik/contracts';
import { CurrentOrganization, PlansApi, saveDownloadedFile, toApiFailure, type ApiFailure } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { AlertMessage, describeTimeZone } from '@vestnik/editor/ui';
import { firstValueFrom } from 'rxjs';
import { describePlanRow } from './plan-rows';

/** A day `days` from today in the browser's calendar, `YYYY-MM-DD`. */
function day(days: number, base = new Date()): string {
  const d = new Date(base.getFullYear(), base.getMonth(), base.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * A content plan from a file: upload, see every row's verdict, then create drafts from the good
 * rows in one click; and the plan of a period downloaded in the same columns.
 */
@Component({
  selector: 'vn-plan-import-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink, AlertMessage],
  templateUrl: './plan-import-page.html',
  styleUrl: './plan-import-page.css',
})
export class PlanImportPage {
  private readonly plans = inject(PlansApi);
  private readonly current = inject(CurrentOrganization);
  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly organization = this.current.organization;
  protected readonly canImport = computed(() => {
    const o = this.organization();
    return !!o && roleAtLeast(o.myRole, 'editor') && !o.archived;
  });
  protected readonly zoneText = computed(() => {
    const zone = this.current.timezone();
    return zone ? describeTimeZone(zone, this.t) : '';
  });

  /** The chosen file stays chosen whatever the server answers: nothing the user picked is lost. */
  protected readonly file = signal<File | null>(null);
  protected readonly checking = signal(false);
  protected readonly uploadFailure = signal<ApiFailure | null>(null);
  protected readonly preview = signal<PlanImportView | null>(null);
  protected readonly confirming = signal(false);
  protected readonly confirmFailure = signal<ApiFailure | null>(null);
  protected readonly onlyProblems = signal(false);

  protected readonly rows = computed(() => {
    const locale = this.i18n.locale();
    return (this.preview()?.rows ?? []).map((row) => describePlanRow(row, this.t, locale));
  });
  protected readonly shownRows = computed(() => (this.onlyProblems() ? this.rows().filter((r) => !r.ok) : this.rows()));
  protected readonly readyCount = computed(() => this.rows().filter((r) => r.outcome === 'ready').length);
  protected readonly invalidCount = computed(() => this.rows().filter((r) => r.outcome === 'invalid').length);
  protected readonly createdCount = computed(() => this.rows().filter((r) => r.outcome === 'created').length);
  protected readonly failedCount = computed(() => this.rows().filter((r) => r.outcome === 'failed').length);
  protected readonly confirmed = computed(() => this.preview()?.state === 'confirmed');

  protected readonly exportFrom = signal(day(0));
  protected readonly exportTo = signal(day(30));
  protected readonly exporting = signal<PlanFormat | null>(null);
  protected readonly exportFailure = signal<ApiFailure | null>(null);
  /** Each download button's words: «Готовим…» while its file is on the way. */
  protected readonly exportLabels = computed<Record<PlanFormat, string>>(() => {
    const label = (format: PlanFormat) => (this.exporting() === format ? this.t('plans.export.preparing') : this.t('plans.export.download', { format: format.toUpperCase() }));
    return { xlsx: label('xlsx'), csv: label('csv') };
  });

  protected pick(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.file.set(input.files?.[0] ?? null);
    this.uploadFailure.set(null);
  }

  protected async check(): Promise<void> {
    const organization = this.organization();
    const file = this.file();
    if (!organization) return;
    if (!file) {
      const message = this.t('plans.upload.chooseFile');
      this.uploadFailure.set({ statusCode: 400, code: 'validation_failed', message, errors: [{ field: 'file', rule: 'required', message }] });
      return;
    }
    this.checking.set(true);
    this.uploadFailure.set(null);
    this.confirmFailure.set(null);
    try {
      this.preview.set(await firstValueFrom(this.plans.preview(organization.id, file)));
      this.onlyProblems.set(false);
    } catch (e) {
      this.uploadFailure.set(toApiFailure(e));
    } finally {
      this.checking.set(false);
    }
  }

  protected async confirm(): Promise<void> {
    const preview = this.preview();
    if (!preview) return;
    this.confirming.set(true);
    this.confirmFailure.set(null);
    try {
      this.preview.set(await firstValueFrom(this.plans.confirm(preview.id)));
    } catch (e) {
      this.confirmFailure.set(toApiFailure(e));
    } finally {
      this.confirming.set(false);
    }
  }

  /** Starts over with another file; the finished import stays in the journal. */
  protected reset(input: HTMLInputElement): void {
    this.preview.set(null);
    this.file.set(null);
    input.value = '';
  }

  protected async download(format: PlanFormat): Promise<void> {
    const organization = this.organization();
    if (!organization) return;
    this.exporting.set(format);
    this.exportFailure.set(null);
    try {
      saveDownloadedFile(await firstValueFrom(this.plans.export({ organizationId: organization.id, from: this.exportFrom(), to: this.exportTo(), format })));
    } catch (e) {
      this.exportFailure.set(toApiFailure(e));
    } finally {
      this.exporting.set(null);
    }
  }

  protected fieldError(failure: ApiFailure | null, field: string): string | null {
    return failure?.errors?.find((e) => e.field === field)?.message ?? null;
  }
}
