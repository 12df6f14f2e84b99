import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Platform, PublicationPhase, PublicationStatus } from '@vestnik/contracts';

/** One post on one channel: exactly one per pair, enforced by a unique index. */
@Entity('publications')
export class PublicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'post_id' })
  postId!: string;

  @Column('uuid', { name: 'channel_id' })
  channelId!: string;

  @Column('text')
  platform!: Platform;

  @Column('text')
  status!: PublicationStatus;

  @Column('text', { name: 'remote_id', nullable: true })
  remoteId!: string | null;

  @Column('text', { nullable: true })
  url!: string | null;

  @Column('int', { default: 0 })
  attempts!: number;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  /** When the engine may next take it: the post's time, or later after a wait or a failure. */
  @Column('timestamptz', { name: 'next_attempt_at', nullable: true })
  nextAttemptAt!: Date | null;

  /** In `publishing`: `claimed` by a worker, `sending` (a request may have reached the platform), or `reconciling` (its answer is being looked up). */
  @Column('text', { nullable: true })
  phase!: PublicationPhase | null;

  @Column('text', { name: 'claimed_by', nullable: true })
  claimedBy!: string | null;

  /** Bumped by every claim and every take-back: each write made for a claim names it (see the publishing engine). */
  @Column('int', { name: 'claim_token', default: 0 })
  claimToken!: number;

  @Column('timestamptz', { name: 'lease_until', nullable: true })
  leaseUntil!: Date | null;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt!: Date | null;

  /**
   * When its earliest send that may have reached the platform went out (a send answered "did not
   * reach it" does not count): a repeat with the same key is trusted only within the platform's
   * window from here, and a look-up for a lost answer searches from here.
   */
  @Column('timestamptz', { name: 'first_sent_at', nullable: true })
  firstSentAt!: Date | null;

  @Column('text', { name: 'last_error_code', nullable: true })
  lastErrorCode!: string | null;

  @Column('timestamptz', { name: 'requeued_at', nullable: true })
  requeuedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
