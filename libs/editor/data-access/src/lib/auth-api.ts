import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { LoginRequest, LoginResponse, TotpCodeRequest, TotpSetupResponse, UserView } from '@vestnik/contracts';
import { Observable } from 'rxjs';
import { API_BASE } from './api-failure';

@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  login(request: LoginRequest): Observable<LoginResponse> {
    return this.http.post<LoginResponse>(`${API_BASE}/auth/login`, request);
  }

  me(): Observable<UserView> {
    return this.http.get<UserView>(`${API_BASE}/auth/me`);
  }

  startTotpSetup(): Observable<TotpSetupResponse> {
    return this.http.post<TotpSetupResponse>(`${API_BASE}/auth/totp/setup`, {});
  }

  enableTotp(request: TotpCodeRequest): Observable<UserView> {
    return this.http.post<UserView>(`${API_BASE}/auth/totp/enable`, request);
  }

  disableTotp(request: TotpCodeRequest): Observable<UserView> {
    return this.http.post<UserView>(`${API_BASE}/auth/totp/disable`, request);
  }
}
