import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { PlanExportQuery, PlanFormat, PlanImportView } from '@vestnik/contracts';
import { Observable } from 'rxjs';
import { API_BASE } from './api-failure';
import { downloadFile, type DownloadedFile } from './file-download';

const BASE = `${API_BASE}/plans`;

/** Content plans as files (`libs/server/plans/src/lib/plans.controller.ts`). */
@Injectable({ providedIn: 'root' })
export class PlansApi {
  private readonly http = inject(HttpClient);

  /** Uploads a CSV or XLSX plan: every row read and checked; nothing is created yet. */
  preview(organizationId: string, file: File): Observable<PlanImportView> {
    const body = new FormData();
    body.append('organizationId', organizationId);
    body.append('file', file, file.name);
    return this.http.post<PlanImportView>(`${BASE}/imports`, body);
  }

  /** Creates a draft from every good row of a previewed plan; answers each row's outcome. */
  confirm(importId: string): Observable<PlanImportView> {
    return this.http.post<PlanImportView>(`${BASE}/imports/${encodeURIComponent(importId)}/confirm`, {});
  }

  /** The subtree's posts planned from `from` to `to` (days, `YYYY-MM-DD`), as a plan file. */
  export(query: PlanExportQuery & { format: PlanFormat }): Observable<DownloadedFile> {
    const params = { organizationId: query.organizationId, from: query.from, to: query.to, format: query.format };
    return downloadFile(this.http, `${BASE}/export`, params, `plan-${query.from}-${query.to}.${query.format}`);
  }
}
