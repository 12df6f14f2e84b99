import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One sign-in: the token names it (`sid`), and it works only while this row is open and unexpired. */
@Entity('sessions')
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  /** Updated at most once a minute, so a busy session does not write on every request. */
  @Column('timestamptz', { name: 'last_seen_at', default: () => 'now()' })
  lastSeenAt!: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'ended_at', nullable: true })
  endedAt!: Date | null;

  /** Why it ended: `logout`, `password_changed`, `password_reset`, `totp_enabled`, … */
  @Column('text', { name: 'end_reason', nullable: true })
  endReason!: string | null;

  /** The session only opens second-factor enrollment (the organization requires it). */
  @Column('boolean', { name: 'enrollment_only', default: false })
  enrollmentOnly!: boolean;

  @Column('text', { nullable: true })
  ip!: string | null;

  @Column('text', { name: 'user_agent', nullable: true })
  userAgent!: string | null;
}
