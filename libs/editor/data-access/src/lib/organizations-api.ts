import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AddMemberRequest,
  CreateOrganizationRequest,
  InvitationCreated,
  InvitationView,
  MemberView,
  OrganizationView,
  PasswordResetIssued,
  PasswordResetRequest,
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

  /** Invites a person by e-mail; the role is given when the person accepts. */
  addMember(id: string, request: AddMemberRequest): Observable<InvitationCreated> {
    return this.http.post<InvitationCreated>(`${BASE}/${encodeURIComponent(id)}/members`, request);
  }

  invitations(id: string): Observable<InvitationView[]> {
    return this.http.get<InvitationView[]>(`${BASE}/${encodeURIComponent(id)}/invitations`);
  }

  revokeInvitation(id: string, invitationId: string): Observable<void> {
    return this.http.delete<void>(`${BASE}/${encodeURIComponent(id)}/invitations/${encodeURIComponent(invitationId)}`);
  }

  /** The password stops working and every session of the person ends; a one-time link sets a new one. */
  resetPassword(id: string, userId: string, request: PasswordResetRequest = {}): Observable<PasswordResetIssued> {
    return this.http.post<PasswordResetIssued>(`${BASE}/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}/password-reset`, request);
  }

  removeMember(id: string, userId: string): Observable<void> {
    return this.http.delete<void>(`${BASE}/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`);
  }
}
