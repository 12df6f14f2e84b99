import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { InvitationKind, Role } from '@vestnik/contracts';

/** A one-time link: an invitation to an organization or a password reset. Only the token's SHA-256 is kept. */
@Entity('invitations')
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  kind!: InvitationKind;

  /** Where the person is invited; for a reset, the organization whose admin issued it. */
  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  /** Stored lower-cased. */
  @Column('text')
  email!: string;

  /** The name the admin suggested for a new account; an existing account keeps its own. */
  @Column('text', { nullable: true })
  name!: string | null;

  /** The role given on acceptance (invitations only). */
  @Column('text', { nullable: true })
  role!: Role | null;

  /** Whose password is reset (resets only). */
  @Column('uuid', { name: 'user_id', nullable: true })
  userId!: string | null;

  @Column('bytea', { name: 'token_hash' })
  tokenHash!: Buffer;

  @Column('uuid', { name: 'invited_by', nullable: true })
  invitedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'accepted_at', nullable: true })
  acceptedAt!: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}
