import type { Language } from '@vestnik/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-cased; unique. */
  @Column('text')
  email!: string;

  @Column('text')
  name!: string;

  /** argon2id hash; never leaves the server. Null after an admin's reset, until the person sets a new one. */
  @Column('text', { name: 'password_hash', nullable: true })
  passwordHash!: string | null;

  /** Encrypted TOTP secret (SecretBox); set once enrollment is confirmed. */
  @Column('text', { name: 'totp_secret', nullable: true })
  totpSecret!: string | null;

  /** Encrypted secret offered during enrollment, not yet confirmed with a code. */
  @Column('text', { name: 'totp_pending_secret', nullable: true })
  totpPendingSecret!: string | null;

  /** Last accepted TOTP time step: a code is accepted once. */
  @Column('bigint', { name: 'totp_last_step', nullable: true })
  totpLastStep!: string | null;

  /** The editor's language the person chose (`ru` until then). */
  @Column('text', { default: 'ru' })
  language!: Language;

  @Column('timestamptz', { name: 'last_login_at', nullable: true })
  lastLoginAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
