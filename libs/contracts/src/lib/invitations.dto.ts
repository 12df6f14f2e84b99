import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, Role } from './enums';

/** What a one-time link does: gives a role in an organization, or lets a person set a new password. */
export const INVITATION_KINDS = ['membership', 'password_reset'] as const;
export type InvitationKind = (typeof INVITATION_KINDS)[number];

/** A person named by another answer. */
export class PersonRefView {
  /**
   * The person's id.
   * @example "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d"
   */
  id!: string;

  /**
   * The person's name.
   * @example "Анна Иванова"
   */
  name!: string;
}

/** A pending invitation, as admins of the organization see it: the address only, never an account's name. */
export class InvitationView {
  /**
   * The invitation's id.
   * @example "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b"
   */
  id!: string;

  /**
   * The organization the person is invited to.
   * @example "5b0c9d1e-3f4a-4b6c-8d7e-9f0a1b2c3d4e"
   */
  organizationId!: string;

  /**
   * The address the link was made for.
   * @example "petrova@minobr.sakhalin.gov.ru"
   */
  email!: string;

  /**
   * The role offered: admin, supervisor, editor or viewer.
   * @example "editor"
   */
  role!: Role;

  /** The admin who invited; null once that account is deleted. */
  invitedBy!: PersonRefView | null;

  /**
   * When the invitation was made (UTC).
   * @example "2026-05-14T01:20:00.000Z"
   */
  createdAt!: string;

  /**
   * When the link stops working (7 days after; UTC).
   * @example "2026-05-21T01:20:00.000Z"
   */
  expiresAt!: string;
}

/** `POST /api/v1/organizations/:id/members` answer. */
export class InvitationCreated extends InvitationView {
  /**
   * The letter with the link is queued for the person.
   * @example false
   */
  emailed!: boolean;

  /**
   * The link, answered once when it is not e-mailed: only its hash is stored, so it cannot be shown again.
   * @example "https://vestnik.sakhalin.gov.ru/invite/q3Zt8kPmW1xYv7rN0aB5cD2eF9gH4iJ6kL8mN1oP3qR"
   */
  inviteUrl?: string;
}

/** `POST /api/v1/organizations/:id/members/:userId/password-reset` (body optional). */
export class PasswordResetRequest {
  /**
   * Answer the link (to hand over in person) instead of e-mailing it; without e-mail it is always answered.
   * @example true
   */
  @IsOptional() @IsBoolean()
  showLink?: boolean;
}

/** `POST /api/v1/organizations/:id/members/:userId/password-reset` answer. */
export class PasswordResetIssued {
  /**
   * The person whose password was reset.
   * @example "0b1c2d3e-4f5a-4b6c-8d7e-8f9a0b1c2d3e"
   */
  userId!: string;

  /**
   * When the link stops working (3 days after; UTC).
   * @example "2026-05-17T01:20:00.000Z"
   */
  expiresAt!: string;

  /**
   * The letter with the link is queued for the person.
   * @example false
   */
  emailed!: boolean;

  /**
   * The link, answered once when it is not e-mailed.
   * @example "https://vestnik.sakhalin.gov.ru/invite/Xk2Lm9Np4Qr7St1Uv5Wx8Yz0Ab3Cd6Ef9Gh2Ij5Kl8M"
   */
  resetUrl?: string;
}

/** `GET /api/v1/invitations/:token`: what the link offers, for the page that accepts it. */
export class InvitationDetails {
  /**
   * `membership`: a role in an organization; `password_reset`: a new password.
   * @example "membership"
   */
  kind!: InvitationKind;

  /**
   * The organization that invites (or whose admin reset the password).
   * @example "Министерство образования Сахалинской области"
   */
  organizationName!: string;

  /**
   * The role offered (invitations only; null for a reset).
   * @example "editor"
   */
  role!: Role | null;

  /**
   * The address the link was made for.
   * @example "petrova@minobr.sakhalin.gov.ru"
   */
  email!: string;

  /**
   * The address already has an account: the person confirms with its password instead of creating one.
   * @example false
   */
  accountExists!: boolean;

  /**
   * That account asks for a code from an authenticator app.
   * @example false
   */
  totpRequired!: boolean;

  /**
   * The name the admin suggested for a new account; null when none.
   * @example "Ирина Петрова"
   */
  suggestedName!: string | null;

  /**
   * When the link stops working (UTC).
   * @example "2026-05-21T01:20:00.000Z"
   */
  expiresAt!: string;
}

/**
 * `POST /api/v1/invitations/:token/accept`. A new person: `name` and a new `password`. An existing
 * account: its own `password` (and `totpCode` when it has the second factor). A reset: the new
 * `password` (and `totpCode` when the account has the second factor).
 */
export class AcceptInvitationRequest {
  /**
   * A new person's name (required for a new account; ignored otherwise).
   * @example "Ирина Петрова"
   */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200)
  name?: string;

  /**
   * A new account's or a reset's new password, or an existing account's own password; write-only.
   * @example "Залив-Анива-2026"
   */
  @IsString() @IsNotEmpty() @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  /**
   * Six digits from the authenticator app, when the account has the second factor on.
   * @example "482913"
   */
  @IsOptional() @IsString() @Matches(/^\d{6}$/)
  totpCode?: string;
}
