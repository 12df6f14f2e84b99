import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { API_BASE } from './api-failure';
import { downloadFile } from './file-download';
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
    return downloadFile(this.http, `${API_BASE}/reports/compliance`, { organizationId, month, format }, `vestnik-compliance-${month}.${format}`);
  }
}
