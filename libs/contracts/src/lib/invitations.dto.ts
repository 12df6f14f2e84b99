import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, Role } from './enums';

/** What a one-time link does: gives a role in an organization, or lets a person set a new password. */
export const INVITATION_KINDS = ['membership', 'password_reset'] as const;
export type InvitationKind = (typeof INVITATION_KINDS)[number];

/** A pending invitation, as admins of the organization see it: the address only, never an account's name. */
export interface InvitationView {
  id: string;
  organizationId: string;
  email: string;
  role: Role;
  invitedBy: { id: string; name: string } | null;
  createdAt: string;
  expiresAt: string;
}

/** `POST /api/v1/organizations/:id/members` answer. */
export interface InvitationCreated extends InvitationView {
  /** The letter with the link is queued for the person. */
  emailed: boolean;
  /** The link, answered once when it is not e-mailed: only its hash is stored, so it cannot be shown again. */
  inviteUrl?: string;
}

/** `POST /api/v1/organizations/:id/members/:userId/password-reset` (body optional). */
export class PasswordResetRequest {
  /** Answer the link (to hand over in person) instead of e-mailing it; without e-mail it is always answered. */
  @IsOptional() @IsBoolean()
  showLink?: boolean;
}

/** `POST /api/v1/organizations/:id/members/:userId/password-reset` answer. */
export interface PasswordResetIssued {
  userId: string;
  expiresAt: string;
  emailed: boolean;
  /** The link, answered once when it is not e-mailed. */
  resetUrl?: string;
}

/** `GET /api/v1/invitations/:token`: what the link offers, for the page that accepts it. */
export interface InvitationDetails {
  kind: InvitationKind;
  organizationName: string;
  /** The role offered (invitations only). */
  role: Role | null;
  email: string;
  /** The address already has an account: the person confirms with its password instead of creating one. */
  accountExists: boolean;
  /** That account asks for a code from an authenticator app. */
  totpRequired: boolean;
  /** The name the admin suggested for a new account. */
  suggestedName: string | null;
  expiresAt: string;
}

/**
 * `POST /api/v1/invitations/:token/accept`. A new person: `name` and a new `password`. An existing
 * account: its own `password` (and `totpCode` when it has the second factor). A reset: the new
 * `password` (and `totpCode` when the account has the second factor).
 */
export class AcceptInvitationRequest {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200)
  name?: string;

  @IsString() @IsNotEmpty() @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @IsOptional() @IsString() @Matches(/^\d{6}$/)
  totpCode?: string;
}
