import { AuditEntryEntity } from './audit-entry.entity';
import { LoginAttemptEntity } from './login-attempt.entity';
import { MembershipEntity } from './membership.entity';
import { OrganizationEntity } from './organization.entity';
import { ServerSecretEntity } from './server-secret.entity';
import { UserEntity } from './user.entity';

export { AuditEntryEntity, LoginAttemptEntity, MembershipEntity, OrganizationEntity, ServerSecretEntity, UserEntity };

export const FOUNDATION_ENTITIES = [OrganizationEntity, UserEntity, MembershipEntity, AuditEntryEntity, LoginAttemptEntity, ServerSecretEntity];
