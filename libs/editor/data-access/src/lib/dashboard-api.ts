import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, from, map, switchMap, throwError } from 'rxjs';
import { API_BASE } from './api-failure';
import { fileNameFrom } from './content-disposition';
import type { ComplianceFile, ComplianceFormat } from './dashboard-requests';

/**
 * The monthly compliance report of an organization's subtree, fetched through the HttpClient (so the
 * session cookie and the CSRF rules apply like on every call) and handed back as bytes to save.
 */
@Injectable({ providedIn: 'root' })
export class ComplianceReportApi {
  private readonly http = inject(HttpClient);

  /** `month` is `YYYY-MM`. A failure's JSON body (sent as a blob) is read back, so `toApiFailure` sees the server's message. */
  download(organizationId: string, month: string, format: ComplianceFormat): Observable<ComplianceFile> {
    return this.http
      .get(`${API_BASE}/reports/compliance`, { params: { organizationId, month, format }, responseType: 'blob', observe: 'response' })
      .pipe(
        map((response) => ({
          blob: response.body ?? new Blob([]),
          fileName: fileNameFrom(response.headers.get('Content-Disposition')) ?? `vestnik-compliance-${month}.${format}`,
        })),
        catchError((error: unknown) => from(readErrorBody(error)).pipe(switchMap((readable) => throwError(() => readable)))),
      );
  }
}

async function readErrorBody(error: unknown): Promise<unknown> {
  if (!(error instanceof HttpErrorResponse) || !(error.error instanceof Blob)) return error;
  try {
    const body: unknown = JSON.parse(await error.error.text());
    return new HttpErrorResponse({ error: body, headers: error.headers, status: error.status, statusText: error.statusText, url: error.url ?? undefined });
  } catch {
    return new HttpErrorResponse({ error: null, headers: error.headers, status: error.status, statusText: error.statusText, url: error.url ?? undefined });
  }
}
