import { DOCUMENT } from '@angular/common';
import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { CSRF_COOKIE } from '@vestnik/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthApi } from './auth-api';
import { readCookie } from './auth-interceptor';
import { AuthSession } from './auth-session';
import { SetupApi } from './setup-api';

/** Sends everyone to the first-run setup page while the system has no organization yet. */
export const setupCompleteGuard: CanActivateFn = async () => {
  // inject() works only before the first await.
  const router = inject(Router);
  const required = await inject(SetupApi).isRequired();
  return required === true ? router.parseUrl('/setup') : true;
};

/** The setup page makes sense only while setup is open. */
export const setupOpenGuard: CanActivateFn = async () => {
  const router = inject(Router);
  const required = await inject(SetupApi).isRequired();
  return required === false ? router.parseUrl('/login') : true;
};

type Restored = 'signed-in' | 'signed-out' | 'ended';

/**
 * After a reload the editor knows nobody: asks the server, when this browser still holds the
 * session's readable companion cookie (logout clears both). `ended` = there was a session, now over.
 */
async function restoreSession(session: AuthSession, authApi: AuthApi, cookies: string): Promise<Restored> {
  if (session.signedIn()) return 'signed-in';
  if (!readCookie(cookies, CSRF_COOKIE)) return 'signed-out';
  try {
    session.restore(await firstValueFrom(authApi.me({ probe: true })));
    return 'signed-in';
  } catch {
    return 'ended';
  }
}

/** Pages for signed-in users: restores the person from the session cookie after a reload. */
export const signedInGuard: CanActivateFn = async (_route, state) => {
  const session = inject(AuthSession);
  const router = inject(Router);
  const restored = await restoreSession(session, inject(AuthApi), inject(DOCUMENT).cookie);
  if (restored === 'signed-in') return true;
  if (restored === 'ended') session.end('expired');
  return router.createUrlTree(['/login'], { queryParams: state.url === '/' ? {} : { returnUrl: state.url } });
};

/** Until the required second factor is on, the session opens only the security page. */
export const totpEnrolledGuard: CanActivateFn = () => {
  const session = inject(AuthSession);
  return session.totpEnrollmentRequired() ? inject(Router).parseUrl('/security') : true;
};

/** Signed-in users have nothing to do on the login page. */
export const signedOutGuard: CanActivateFn = async () => {
  const session = inject(AuthSession);
  const router = inject(Router);
  const restored = await restoreSession(session, inject(AuthApi), inject(DOCUMENT).cookie);
  return restored === 'signed-in' ? router.parseUrl('/') : true;
};
