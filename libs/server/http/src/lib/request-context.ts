import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';

/** The signed-in person, as the auth guard puts it on the request. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  /** The token only opens second-factor enrollment (an organization requires it). */
  enrollmentOnly: boolean;
}

/** Who did what from where: passed to services so the audit log can name them. */
export interface Actor {
  user: AuthUser | null;
  ip: string | null;
}

export const IS_PUBLIC = 'vestnik:isPublic';
/** The endpoint needs no sign-in. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const ALLOW_DURING_ENROLLMENT = 'vestnik:allowDuringEnrollment';
/** The endpoint stays open to a token limited to second-factor enrollment. */
export const AllowDuringEnrollment = () => SetMetadata(ALLOW_DURING_ENROLLMENT, true);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<Request & { user: AuthUser }>().user;
});

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<Request & { user?: AuthUser }>();
  return { user: req.user ?? null, ip: req.ip ?? null };
});
