import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { map, Observable } from 'rxjs';
import type { CookieLoginResponse } from '@vestnik/contracts';
import { StartedSession } from './login.service';
import { setSessionCookies, wantsSessionCookies } from './session-cookies';

/**
 * For the editor, moves the token of a just-started session (login, setup, an accepted invitation,
 * a password change, the second factor turned on or off) from the answer's body into its cookies.
 */
@Injectable()
export class SessionCookiesInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    return next.handle().pipe(
      map((body: unknown) => {
        if (!(body instanceof StartedSession) || !wantsSessionCookies(http.getRequest<Request>())) return body;
        setSessionCookies(http.getResponse<Response>(), body.accessToken);
        const answer: CookieLoginResponse = { expiresIn: body.expiresIn, user: body.user, totpEnrollmentRequired: body.totpEnrollmentRequired };
        return answer;
      }),
    );
  }
}
