import { DOCUMENT } from '@angular/common';
import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_MODE_HEADER } from '@vestnik/contracts';
import { catchError, throwError } from 'rxjs';
import { API_BASE } from './api-failure';
import { SESSION_PROBE } from './auth-api';
import { AuthSession } from './auth-session';

/** Calls whose 401 means "wrong password or code", not "your session is over". */
const CREDENTIAL_CALLS = [`${API_BASE}/auth/login`, `${API_BASE}/setup`, `${API_BASE}/invitations/`];
const CREDENTIAL_CODES = new Set(['invalid_credentials', 'totp_required', 'totp_invalid']);
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The value of a cookie script may read (the CSRF token; the session cookie itself is HttpOnly). */
export function readCookie(cookies: string, name: string): string | null {
  for (const pair of cookies.split(';')) {
    const [key, ...value] = pair.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
}

/**
 * API calls carry the session cookie and ask the server to keep the session in cookies; changes
 * echo the CSRF cookie in a header. When the session is gone, the user goes to the login page.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!request.url.startsWith('/api/')) return next(request);
  const session = inject(AuthSession);
  const router = inject(Router);
  const csrf = UNSAFE_METHODS.has(request.method) ? readCookie(inject(DOCUMENT).cookie, CSRF_COOKIE) : null;
  const outgoing = request.clone({
    withCredentials: true,
    setHeaders: { [SESSION_MODE_HEADER]: 'cookie', ...(csrf ? { [CSRF_HEADER]: csrf } : {}) },
  });

  return next(outgoing).pipe(
    catchError((error: unknown) => {
      const code = error instanceof HttpErrorResponse ? ((error.error as { code?: string } | null)?.code ?? '') : '';
      if (
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        !request.context.get(SESSION_PROBE) &&
        !CREDENTIAL_CALLS.some((url) => request.url.startsWith(url)) &&
        !CREDENTIAL_CODES.has(code)
      ) {
        const returnUrl = router.url;
        session.end('expired');
        void router.navigate(['/login'], {
          queryParams: returnUrl && returnUrl !== '/' && !returnUrl.startsWith('/login') ? { returnUrl } : {},
        });
      }
      // The session opens only the security page until the required second factor is on.
      if (error instanceof HttpErrorResponse && error.status === 403 && code === 'totp_enrollment_required') {
        session.requireEnrollment();
        void router.navigateByUrl('/security');
      }
      return throwError(() => error);
    }),
  );
};
