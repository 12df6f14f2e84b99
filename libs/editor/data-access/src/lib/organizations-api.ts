import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AddMemberRequest,
  CreateOrganizationRequest,
  MemberView,
  OrganizationView,
  UpdateOrganizationRequest,
} from '@vestnik/contracts';
import { Observable } from 'rxjs';
import { API_BASE } from './api-failure';

const BASE = `${API_BASE}/organizations`;

@Injectable({ providedIn: 'root' })
export class OrganizationsApi {
  private readonly http = inject(HttpClient);

  list(includeArchived = false): Observable<OrganizationView[]> {
    const params = includeArchived ? new HttpParams().set('includeArchived', 'true') : undefined;
    return this.http.get<OrganizationView[]>(BASE, { params });
  }

  create(request: CreateOrganizationRequest): Observable<OrganizationView> {
    return this.http.post<OrganizationView>(BASE, request);
  }

  update(id: string, request: UpdateOrganizationRequest): Observable<OrganizationView> {
    return this.http.patch<OrganizationView>(`${BASE}/${encodeURIComponent(id)}`, request);
  }

  archive(id: string): Observable<OrganizationView> {
    return this.http.post<OrganizationView>(`${BASE}/${encodeURIComponent(id)}/archive`, {});
  }

  unarchive(id: string): Observable<OrganizationView> {
    return this.http.post<OrganizationView>(`${BASE}/${encodeURIComponent(id)}/unarchive`, {});
  }

  members(id: string): Observable<MemberView[]> {
    return this.http.get<MemberView[]>(`${BASE}/${encodeURIComponent(id)}/members`);
  }

  addMember(id: string, request: AddMemberRequest): Observable<MemberView> {
    return this.http.post<MemberView>(`${BASE}/${encodeURIComponent(id)}/members`, request);
  }

  removeMember(id: string, userId: string): Observable<void> {
    return this.http.delete<void>(`${BASE}/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`);
  }
}
