import { Type } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested, IsDefined } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, Role } from './enums';
import { IsTimeZone } from './validation';

export class SetupOrganizationInput {
  @IsString() @IsNotEmpty() @MaxLength(200)
  name!: string;

  @IsTimeZone()
  timezone!: string;
}

export class SetupAdminInput {
  @IsEmail() @MaxLength(254)
  email!: string;

  @IsString() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @IsString() @IsNotEmpty() @MaxLength(200)
  name!: string;
}

/** `POST /api/v1/setup`: first run only; 409 once any user exists. */
export class SetupRequest {
  @IsDefined() @ValidateNested() @Type(() => SetupOrganizationInput)
  organization!: SetupOrganizationInput;

  @IsDefined() @ValidateNested() @Type(() => SetupAdminInput)
  admin!: SetupAdminInput;
}

/** `GET /api/v1/setup`: whether first-run setup is still open. */
export interface SetupStatus {
  required: boolean;
}

/** `POST /api/v1/auth/login`. `totpCode` is needed when the user has the second factor on. */
export class LoginRequest {
  @IsEmail() @MaxLength(254)
  email!: string;

  @IsString() @IsNotEmpty() @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @IsOptional() @IsString() @Matches(/^\d{6}$/)
  totpCode?: string;
}

export interface MembershipView {
  organizationId: string;
  organizationName: string;
  role: Role;
}

export interface UserView {
  id: string;
  email: string;
  name: string;
  totpEnabled: boolean;
  memberships: MembershipView[];
}

/**
 * The answer of login, first-run setup, invitation acceptance, a password change and turning the
 * second factor on or off: each starts a new session. `accessToken` is for API clients
 * (`Authorization: Bearer`); in cookie mode (the editor) it is not in the body but in an HttpOnly cookie.
 */
export interface LoginResponse {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: UserView;
  /**
   * True when the user is an admin of an organization that requires a second factor and has none yet:
   * the token then only opens `/auth/me` and `/auth/totp/*` until TOTP is enabled.
   */
  totpEnrollmentRequired: boolean;
}

/** The same answer in cookie mode: the token went into the `vestnik_session` cookie instead. */
export type CookieLoginResponse = Omit<LoginResponse, 'accessToken'>;

/**
 * Sent by the editor on every API call: session answers then put the token into cookies script cannot
 * read (`vestnik_session`, HttpOnly, `Path=/api`) and leave it out of the body.
 */
export const SESSION_MODE_HEADER = 'X-Vestnik-Session';
export const SESSION_COOKIE = 'vestnik_session';
/** Readable by the editor, which echoes it in `CSRF_HEADER` on POST, PUT, PATCH and DELETE (double submit). */
export const CSRF_COOKIE = 'vestnik_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

/** `GET /api/v1/auth/me`: the signed-in person and what his session opens. */
export interface CurrentUserView extends UserView {
  /** The session only opens `/auth/me`, `/auth/logout` and `/auth/totp/*` until the second factor is on. */
  totpEnrollmentRequired: boolean;
}

/** `POST /api/v1/auth/password`: ends every session of the person and answers a new one. */
export class ChangePasswordRequest {
  @IsString() @IsNotEmpty() @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  @IsString() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword!: string;
}

/** `POST /api/v1/auth/totp/setup` answer: a new secret to put into an authenticator app. */
export interface TotpSetupResponse {
  secret: string;
  otpauthUrl: string;
}

/** `POST /api/v1/auth/totp/enable` and `/disable`; both answer a new session (`LoginResponse`). */
export class TotpCodeRequest {
  @IsString() @Matches(/^\d{6}$/)
  code!: string;
}
