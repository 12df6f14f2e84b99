import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { API_BASE } from './api-failure';
import { AuthSession } from './auth-session';

/** Calls whose 401 means "wrong password or code", not "your session is over". */
const CREDENTIAL_CALLS = [`${API_BASE}/auth/login`, `${API_BASE}/setup`];
const CREDENTIAL_CODES = new Set(['invalid_credentials', 'totp_required', 'totp_invalid']);

/** Adds the bearer token to API calls and sends the user to the login page when the session is gone. */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(AuthSession);
  const router = inject(Router);
  const token = session.token();
  const isApiCall = request.url.startsWith('/api/');
  const outgoing =
    isApiCall && token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;

  return next(outgoing).pipe(
    catchError((error: unknown) => {
      if (
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        isApiCall &&
        !CREDENTIAL_CALLS.some((url) => request.url.startsWith(url)) &&
        !CREDENTIAL_CODES.has((error.error as { code?: string } | null)?.code ?? '')
      ) {
        const returnUrl = router.url;
        session.end('expired');
        void router.navigate(['/login'], {
          queryParams: returnUrl && returnUrl !== '/' && !returnUrl.startsWith('/login') ? { returnUrl } : {},
        });
      }
      // The token opens only the security page until the required second factor is on. Once it is on,
      // such a token is stale: the server issues a full one only at the next sign-in.
      if (
        error instanceof HttpErrorResponse &&
        error.status === 403 &&
        (error.error as { code?: string } | null)?.code === 'totp_enrollment_required'
      ) {
        if (session.totpEnrollmentRequired()) {
          void router.navigateByUrl('/security');
        } else {
          session.end('reauthenticate');
          void router.navigateByUrl('/login');
        }
      }
      return throwError(() => error);
    }),
  );
};
