import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AuditEntryView, AuditQuery, Page } from '@vestnik/contracts';
import { Observable } from 'rxjs';
import { API_BASE } from './api-failure';

@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  page(query: AuditQuery): Observable<Page<AuditEntryView>> {
    let params = new HttpParams().set('organizationId', query.organizationId);
    if (query.from) params = params.set('from', query.from);
    if (query.to) params = params.set('to', query.to);
    if (query.limit !== undefined) params = params.set('limit', query.limit);
    if (query.offset !== undefined) params = params.set('offset', query.offset);
    return this.http.get<Page<AuditEntryView>>(`${API_BASE}/audit`, { params });
  }
}
