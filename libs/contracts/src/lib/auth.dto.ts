import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested, IsDefined } from 'class-validator';
import { LANGUAGES, Language, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, Role } from './enums';
import { IsTimeZone } from './validation';

/** The root organization created at first run. */
export class SetupOrganizationInput {
  /**
   * The organization's name.
   * @example "Правительство Сахалинской области"
   */
  @IsString() @IsNotEmpty() @MaxLength(200)
  name!: string;

  /**
   * Its IANA time zone, inherited by sub-organizations that set none.
   * @example "Asia/Sakhalin"
   */
  @IsTimeZone()
  timezone!: string;
}

/** The first admin, of the root organization. */
export class SetupAdminInput {
  /**
   * The admin's e-mail, used to sign in.
   * @example "ivanova@minobr.sakhalin.gov.ru"
   */
  @IsEmail() @MaxLength(254)
  email!: string;

  /**
   * The admin's password, write-only (10 to 200 characters).
   * @example "Залив-Анива-2026"
   */
  @IsString() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  /**
   * The admin's name, as colleagues see it.
   * @example "Анна Иванова"
   */
  @IsString() @IsNotEmpty() @MaxLength(200)
  name!: string;
}

/** `POST /api/v1/setup`: first run only; 409 once any user exists. */
export class SetupRequest {
  /** The root organization. */
  @IsDefined() @ValidateNested() @Type(() => SetupOrganizationInput)
  organization!: SetupOrganizationInput;

  /** Its first admin, signed in by the answer. */
  @IsDefined() @ValidateNested() @Type(() => SetupAdminInput)
  admin!: SetupAdminInput;
}

/** `GET /api/v1/setup`: whether first-run setup is still open. */
export class SetupStatus {
  /**
   * True until the first user exists: the editor then shows the setup page instead of the sign-in.
   * @example false
   */
  required!: boolean;
}

/** `POST /api/v1/auth/login`. `totpCode` is needed when the user has the second factor on. */
export class LoginRequest {
  /**
   * The person's e-mail.
   * @example "ivanova@minobr.sakhalin.gov.ru"
   */
  @IsEmail() @MaxLength(254)
  email!: string;

  /**
   * The person's password, write-only.
   * @example "Залив-Анива-2026"
   */
  @IsString() @IsNotEmpty() @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  /**
   * Six digits from the authenticator app, when the second factor is on (401 `totp_required` without it).
   * @example "482913"
   */
  @IsOptional() @IsString() @Matches(/^\d{6}$/)
  totpCode?: string;
}

/** A role the person holds in one organization (and, through it, in its subtree). */
export class MembershipView {
  /**
   * The organization.
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  organizationId!: string;

  /**
   * The organization's name.
   * @example "Министерство образования Сахалинской области"
   */
  organizationName!: string;

  /**
   * The role held there: admin, supervisor, editor or viewer.
   * @example "editor"
   */
  role!: Role;
}

/** A person with the roles held; never the password or the second factor's secret. */
export class UserView {
  /**
   * The person's id.
   * @example "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d"
   */
  id!: string;

  /**
   * The e-mail, used to sign in.
   * @example "ivanova@minobr.sakhalin.gov.ru"
   */
  email!: string;

  /**
   * The name, as colleagues see it.
   * @example "Анна Иванова"
   */
  name!: string;

  /**
   * Whether sign-in asks for a code from an authenticator app.
   * @example true
   */
  totpEnabled!: boolean;

  /** The roles held, one per organization where the person is a member. */
  memberships!: MembershipView[];

  /**
   * The editor's language the person chose (`PATCH /auth/me`); the editor switches to it at sign-in.
   * @example "ru"
   */
  language!: Language;
}

/**
 * A session answer in cookie mode (the editor): the token went into the HttpOnly `vestnik_session`
 * cookie instead of the body.
 */
export class CookieLoginResponse {
  /**
   * Seconds until the access token expires.
   * @example 28800
   */
  expiresIn!: number;

  /** The signed-in person. */
  user!: UserView;

  /**
   * True when the user is an admin of an organization that requires a second factor and has none yet:
   * the token then only opens `/auth/me` and `/auth/totp/*` until TOTP is enabled.
   * @example false
   */
  totpEnrollmentRequired!: boolean;
}

/**
 * The answer of login, first-run setup, invitation acceptance, a password change and turning the
 * second factor on or off: each starts a new session. `accessToken` is for API clients
 * (`Authorization: Bearer`); in cookie mode (the editor) it is not in the body but in an HttpOnly cookie.
 */
export class LoginResponse extends CookieLoginResponse {
  /**
   * The session's bearer token, for `Authorization: Bearer`; absent in cookie mode. A secret: never log it.
   * @example "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI5YTFiMmMzZCJ9.ZXhhbXBsZS1zaWduYXR1cmU"
   */
  accessToken!: string;
}

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
export class CurrentUserView extends UserView {
  /**
   * The session only opens `/auth/me`, `/auth/logout` and `/auth/totp/*` until the second factor is on.
   * @example false
   */
  totpEnrollmentRequired!: boolean;
}

/** `PATCH /api/v1/auth/me`: the person's own preferences. */
export class UpdateMeRequest {
  /**
   * The editor's language: `ru` or `en`.
   * @example "en"
   */
  @IsIn(LANGUAGES as unknown as string[])
  language!: Language;
}

/** `POST /api/v1/auth/password`: ends every session of the person and answers a new one. */
export class ChangePasswordRequest {
  /**
   * The password now, write-only (400 `wrong_password` when it does not match).
   * @example "Залив-Анива-2026"
   */
  @IsString() @IsNotEmpty() @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  /**
   * The new password, write-only (10 to 200 characters).
   * @example "Мыс-Крильон-2027"
   */
  @IsString() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword!: string;
}

/** `POST /api/v1/auth/totp/setup` answer: a new secret to put into an authenticator app. */
export class TotpSetupResponse {
  /**
   * The secret in base32, to type into the app by hand; it takes effect only once a code from it turns the factor on.
   * @example "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
   */
  secret!: string;

  /**
   * The same secret as an `otpauth://` address, for a QR code (SHA-1, 6 digits, 30 seconds).
   * @example "otpauth://totp/%D0%92%D0%B5%D1%81%D1%82%D0%BD%D0%B8%D0%BA:ivanova%40minobr.sakhalin.gov.ru?issuer=%D0%92%D0%B5%D1%81%D1%82%D0%BD%D0%B8%D0%BA&secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30"
   */
  otpauthUrl!: string;
}

/** `POST /api/v1/auth/totp/enable` and `/disable`; both answer a new session (`LoginResponse`). */
export class TotpCodeRequest {
  /**
   * Six digits from the authenticator app; each code is accepted once.
   * @example "482913"
   */
  @IsString() @Matches(/^\d{6}$/)
  code!: string;
}
