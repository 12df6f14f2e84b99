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

/** The signed-in person as the auth guard resolves him: with the session his token names. */
export interface SessionUser extends AuthUser {
  sessionId: string;
}

/** Who did what from where: passed to services so the audit log can name them. */
export interface Actor {
  user: AuthUser | null;
  ip: string | null;
}

/** An actor on an endpoint behind the auth guard: the user is always there. */
export interface SignedInActor extends Actor {
  user: AuthUser;
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

/** The signed-in actor; only for endpoints behind the auth guard (not @Public). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): SignedInActor => {
  const req = ctx.switchToHttp().getRequest<Request & { user: AuthUser }>();
  return { user: req.user, ip: req.ip ?? null };
});

/** The session the request's token names; only for endpoints behind the auth guard (not @Public). */
export const CurrentSessionId = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  return ctx.switchToHttp().getRequest<Request & { user: SessionUser }>().user.sessionId;
});
