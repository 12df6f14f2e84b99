import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CadenceQuery, CadenceReport } from '@vestnik/contracts';
import { Observable } from 'rxjs';
import { API_BASE } from './api-failure';

const BASE = `${API_BASE}/reports`;

/** Reports over an organization and its subtree. */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  /** Per page and week (from last week on): planned and published posts by rubric, whether the weekly minimum was met, and the rubric mix. */
  cadence(query: CadenceQuery): Observable<CadenceReport> {
    let params = new HttpParams().set('organizationId', query.organizationId);
    if (query.weeks !== undefined) params = params.set('weeks', query.weeks);
    return this.http.get<CadenceReport>(`${BASE}/cadence`, { params });
  }
}
