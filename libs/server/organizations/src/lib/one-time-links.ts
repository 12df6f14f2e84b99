import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, QueryFailedError } from 'typeorm';
import type { InvitationKind, Role } from '@vestnik/contracts';
import { VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';
import { InvitationEntity } from './invitation.entity';
import { InvitationMail } from './invitation-mail';
import { invitationLink, newInvitationToken } from './invitation-token';

export interface NewLink {
  kind: InvitationKind;
  organizationId: string;
  organizationName: string;
  email: string;
  name: string | null;
  role: Role | null;
  userId: string | null;
  invitedBy: { id: string; name: string };
  days: number;
}

export interface IssuedLink {
  invitation: InvitationEntity;
  emailed: boolean;
  /** Present only when not e-mailed: the one and only time the link can be shown. */
  url?: string;
}

/**
 * Invitations and password resets share one mechanism: a random token whose SHA-256 alone is
 * stored, sent by e-mail when SMTP is configured, otherwise answered once to the admin.
 */
@Injectable()
export class OneTimeLinks {
  constructor(
    @Inject(VESTNIK_CONFIG) private readonly config: VestnikConfig,
    private readonly mail: InvitationMail,
  ) {}

  async issue(m: EntityManager, link: NewLink, showLink = false): Promise<IssuedLink> {
    const { token, hash } = newInvitationToken();
    const invitation = await m.save(
      m.create(InvitationEntity, {
        kind: link.kind,
        organizationId: link.organizationId,
        email: link.email,
        name: link.name,
        role: link.role,
        userId: link.userId,
        tokenHash: hash,
        invitedBy: link.invitedBy.id,
        expiresAt: new Date(Date.now() + link.days * 86_400_000),
        acceptedAt: null,
        revokedAt: null,
      }),
    );
    const url = invitationLink(this.config.notifications.publicUrl, token);
    const emailed = Boolean(this.config.notifications.smtpUrl) && !showLink;
    if (!emailed) return { invitation, emailed, url };
    await this.mail.queue(
      {
        kind: link.kind,
        email: link.email,
        recipientName: link.name,
        organizationName: link.organizationName,
        role: link.role,
        link: url,
        invitedBy: link.invitedBy.name,
        expiresAt: invitation.expiresAt,
      },
      m,
    );
    return { invitation, emailed };
  }
}

/** A unique index refused the row (e.g. a second open invitation for the same address). */
export function isUniqueViolation(e: unknown, index: string): boolean {
  if (!(e instanceof QueryFailedError)) return false;
  const driver = e.driverError as { code?: string; constraint?: string };
  return driver.code === '23505' && driver.constraint === index;
}
