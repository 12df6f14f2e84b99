import type { EntityManager } from 'typeorm';
import type { InvitationKind, Role } from '@vestnik/contracts';

/** The letter carrying a one-time link: an invitation or a password reset. */
export interface InvitationLetter {
  kind: InvitationKind;
  email: string;
  /** Only the name the admin typed for a new person: an existing account's name is never looked up here. */
  recipientName: string | null;
  organizationName: string;
  role: Role | null;
  /** The link with the token: the letter must be kept sealed until sent, and erased then. */
  link: string;
  invitedBy: string;
  expiresAt: Date;
}

/**
 * Port to the e-mail outbox (owned by notifications, which must not be known here): the application
 * answers it. The letter is queued in the caller's transaction, so it exists only if the link does.
 */
export abstract class InvitationMail {
  abstract queue(letter: InvitationLetter, manager: EntityManager): Promise<void>;
}
