import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ComplianceReportApi, saveDownloadedFile, toApiFailure, type ComplianceFormat } from '@vestnik/editor/data-access';
import { I18n } from '@vestnik/editor/i18n';
import { firstValueFrom } from 'rxjs';
import { previousMonth, reportMonths } from './dashboard-texts';

const FORMAT_TITLES: Record<ComplianceFormat, string> = { xlsx: 'XLSX', pdf: 'PDF' };

/**
 * The monthly compliance report of the subtree: a month (the previous one by default) and two
 * downloads. The file comes through the HttpClient, then a blob address the browser saves.
 */
@Component({
  selector: 'vn-compliance-download',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule],
  template: `
    <div class="report">
      <h2 id="report-heading" class="report__heading">{{ t('dashboard.report.heading') }}</h2>
      <p class="report__note muted small">{{ t('dashboard.report.note', { name: organizationName() }) }}</p>
      <div class="report__controls">
        <div class="field report__month">
          <label class="field__label" for="report-month">{{ t('dashboard.report.month') }}</label>
          <select id="report-month" name="month" [(ngModel)]="month" [attr.aria-describedby]="failure() ? 'report-error' : null" [attr.aria-invalid]="failure() ? true : null">
            @for (m of months(); track m.value) {
              <option [value]="m.value">{{ m.label }}</option>
            }
          </select>
        </div>
        <button type="button" class="btn" [disabled]="!!sending()" (click)="download('xlsx')">
          @if (sending() === 'xlsx') {
            <span class="spinner" aria-hidden="true"></span>
          }
          {{ t('dashboard.report.download', { format: formatTitles.xlsx }) }}
        </button>
        <button type="button" class="btn" [disabled]="!!sending()" (click)="download('pdf')">
          @if (sending() === 'pdf') {
            <span class="spinner" aria-hidden="true"></span>
          }
          {{ t('dashboard.report.download', { format: formatTitles.pdf }) }}
        </button>
      </div>
      <p id="report-error" class="field__error report__status" role="alert">{{ failure() }}</p>
      <p class="visually-hidden" role="status">{{ done() }}</p>
    </div>
  `,
  styles: `
    .report__heading {
      font-size: 1.05rem;
      margin-bottom: 0.25rem;
    }
    .report__controls {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 0.5rem 0.75rem;
    }
    .report__month {
      margin-bottom: 0;
      min-width: 11rem;
    }
    .report__status:empty {
      display: none;
    }
    .report__status {
      margin: 0.5rem 0 0;
    }
  `,
})
export class ComplianceDownload {
  readonly organizationId = input.required<string>();
  readonly organizationName = input.required<string>();
  readonly timezone = input.required<string>();

  private readonly api = inject(ComplianceReportApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  protected readonly formatTitles = FORMAT_TITLES;

  /** Two years back to the current month (in the organization's zone), newest first. */
  protected readonly months = computed(() => reportMonths(new Date(), this.timezone(), 24, this.i18n.locale()));
  protected readonly month = linkedSignal(() => previousMonth(new Date(), this.timezone()));
  protected readonly sending = signal<ComplianceFormat | null>(null);
  protected readonly failure = signal('');
  protected readonly done = signal('');

  protected async download(format: ComplianceFormat): Promise<void> {
    if (this.sending()) return;
    const month = this.month();
    this.failure.set('');
    this.done.set('');
    if (!this.months().some((m) => m.value === month)) {
      this.failure.set(this.t('dashboard.report.chooseMonth'));
      return;
    }
    this.sending.set(format);
    try {
      const file = await firstValueFrom(this.api.download(this.organizationId(), month, format));
      if (this.destroyRef.destroyed) return;
      saveDownloadedFile(file);
      this.done.set(this.t('dashboard.report.done', { month: this.months().find((m) => m.value === month)?.label ?? month, format: FORMAT_TITLES[format], file: file.fileName }));
    } catch (error) {
      const failure = toApiFailure(error);
      // A bare 404 (no message of ours: no body, or the server's default words) means the server has no such report to give.
      const generic = failure.statusCode === 404 && (failure.code === 'http_error' || failure.message === 'Не найдено'); // i18n-exempt: the server's default 404 message, compared, not shown
      this.failure.set(this.t('dashboard.report.failed', { format: FORMAT_TITLES[format], reason: generic ? this.t('dashboard.report.notFound') : failure.message }));
    } finally {
      this.sending.set(null);
    }
  }
}
