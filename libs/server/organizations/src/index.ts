import type { SchemaPart } from '@vestnik/server/persistence';
import { InvitationEntity } from './lib/invitation.entity';
import { Invitations1765200000000 } from './lib/migrations/1765200000000-Invitations';

export * from './lib/organizations.module';
export * from './lib/organizations.service';
export { effectiveTimezones, fourEyesRules, FOUR_EYES_BY_DEFAULT } from './lib/organization-view';
export { InvitationMail, type InvitationLetter } from './lib/invitation-mail';

/** Invitations and password-reset links (which also let an account wait without a password). */
export const ORGANIZATIONS_SCHEMA: SchemaPart = { entities: [InvitationEntity], migrations: [Invitations1765200000000] };
