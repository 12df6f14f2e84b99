import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AcceptInvitationRequest, CookieLoginResponse, InvitationDetails } from '@vestnik/contracts';
import { Observable } from 'rxjs';
import { API_BASE } from './api-failure';

/** The public side of one-time links (invitations and password resets): no sign-in, the token is the key. */
@Injectable({ providedIn: 'root' })
export class InvitationsApi {
  private readonly http = inject(HttpClient);

  details(token: string): Observable<InvitationDetails> {
    return this.http.get<InvitationDetails>(`${API_BASE}/invitations/${encodeURIComponent(token)}`);
  }

  accept(token: string, request: AcceptInvitationRequest): Observable<CookieLoginResponse> {
    return this.http.post<CookieLoginResponse>(`${API_BASE}/invitations/${encodeURIComponent(token)}/accept`, request);
  }
}
