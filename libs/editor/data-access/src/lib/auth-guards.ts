import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AuthApi } from './auth-api';
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

/** Pages for signed-in users: restores the user from the token after a reload. */
export const signedInGuard: CanActivateFn = async (_route, state) => {
  const session = inject(AuthSession);
  const router = inject(Router);
  const authApi = inject(AuthApi);
  const toLogin = () =>
    router.createUrlTree(['/login'], { queryParams: state.url === '/' ? {} : { returnUrl: state.url } });

  if (!session.signedIn() || !session.isFresh()) {
    if (session.signedIn()) session.end('expired');
    return toLogin();
  }
  if (!session.user()) {
    try {
      session.setUser(await firstValueFrom(authApi.me()));
    } catch {
      // A 401 already ended the session in the interceptor; anything else leaves the user at login too.
      return session.signedIn() ? true : toLogin();
    }
  }
  return true;
};

/** Until the required second factor is on, the token opens only the security page. */
export const totpEnrolledGuard: CanActivateFn = () => {
  const session = inject(AuthSession);
  return session.totpEnrollmentRequired() ? inject(Router).parseUrl('/security') : true;
};

/** Signed-in users have nothing to do on the login page. */
export const signedOutGuard: CanActivateFn = () => {
  const session = inject(AuthSession);
  return session.signedIn() && session.isFresh() ? inject(Router).parseUrl('/') : true;
};
