import { HttpClient, HttpContext, HttpContextToken } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ChangePasswordRequest,
  CookieLoginResponse,
  CurrentUserView,
  LoginRequest,
  TotpCodeRequest,
  TotpSetupResponse,
  UpdateMeRequest,
} from '@vestnik/contracts';
import { Observable } from 'rxjs';
import { API_BASE } from './api-failure';

/** Marks the "who is signed in?" question after a reload: its 401 only means "nobody", not "your session ended". */
export const SESSION_PROBE = new HttpContextToken<boolean>(() => false);

/**
 * Sign-in and the own account. Every answer that starts a session comes without the token: the
 * server puts it into an HttpOnly cookie (the interceptor asks for cookie mode).
 */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  login(request: LoginRequest): Observable<CookieLoginResponse> {
    return this.http.post<CookieLoginResponse>(`${API_BASE}/auth/login`, request);
  }

  logout(): Observable<void> {
    return this.http.post<void>(`${API_BASE}/auth/logout`, {});
  }

  me(options: { probe?: boolean } = {}): Observable<CurrentUserView> {
    return this.http.get<CurrentUserView>(`${API_BASE}/auth/me`, { context: new HttpContext().set(SESSION_PROBE, options.probe ?? false) });
  }

  /** The person's own preferences (the editor's language). */
  updateMe(request: UpdateMeRequest): Observable<CurrentUserView> {
    return this.http.patch<CurrentUserView>(`${API_BASE}/auth/me`, request);
  }

  /** Ends every session of the person (other browsers too) and answers a new one for this tab. */
  changePassword(request: ChangePasswordRequest): Observable<CookieLoginResponse> {
    return this.http.post<CookieLoginResponse>(`${API_BASE}/auth/password`, request);
  }

  startTotpSetup(): Observable<TotpSetupResponse> {
    return this.http.post<TotpSetupResponse>(`${API_BASE}/auth/totp/setup`, {});
  }

  enableTotp(request: TotpCodeRequest): Observable<CookieLoginResponse> {
    return this.http.post<CookieLoginResponse>(`${API_BASE}/auth/totp/enable`, request);
  }

  disableTotp(request: TotpCodeRequest): Observable<CookieLoginResponse> {
    return this.http.post<CookieLoginResponse>(`${API_BASE}/auth/totp/disable`, request);
  }
}
