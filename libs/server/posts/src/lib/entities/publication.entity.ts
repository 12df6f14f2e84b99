import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Platform, PublicationStatus } from '@vestnik/contracts';

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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
