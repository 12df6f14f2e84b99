import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ChannelState, Platform, RubricMix } from '@vestnik/contracts';

/** A page we publish to: a VK community wall, an OK group feed or a Telegram channel. */
@Entity('channels')
export class ChannelEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('text')
  platform!: Platform;

  @Column('text')
  name!: string;

  /** As the person entered it (`@username`, `club123`, `123`). */
  @Column('text')
  target!: string;

  /** The platform's canonical id, resolved at verification; unique among live channels. */
  @Column('text', { name: 'remote_target_id' })
  remoteTargetId!: string;

  @Column('text', { name: 'display_name', nullable: true })
  displayName!: string | null;

  /** Sealed JSON (AES-256-GCM); opened only right before a platform call. */
  @Column('text')
  credentials!: string;

  @Column('text')
  state!: ChannelState;

  @Column('boolean', { name: 'can_post', default: false })
  canPost!: boolean;

  @Column('timestamptz', { name: 'last_verified_at', nullable: true })
  lastVerifiedAt!: Date | null;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;

  @Column('timestamptz', { name: 'token_expires_at', nullable: true })
  tokenExpiresAt!: Date | null;

  /** A refresh key is stored: the expiry above is renewed without a person. Null: not known yet. */
  @Column('boolean', { name: 'token_renewable', nullable: true })
  tokenRenewable!: boolean | null;

  @Column('int', { name: 'weekly_minimum', nullable: true })
  weeklyMinimum!: number | null;

  @Column('jsonb', { name: 'rubric_mix', nullable: true })
  rubricMix!: RubricMix | null;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column('timestamptz', { name: 'deleted_at', nullable: true })
  deletedAt!: Date | null;
}
