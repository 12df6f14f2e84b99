import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Platform, PostStatus, Rubric } from '@vestnik/contracts';

@Entity('posts')
export class PostEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @Column('uuid', { name: 'author_id' })
  authorId!: string;

  @Column('text')
  rubric!: Rubric;

  @Column('text', { nullable: true })
  title!: string | null;

  /** Markdown subset: paragraphs, bold, italic, links. */
  @Column('text')
  text!: string;

  @Column('text', { nullable: true })
  link!: string | null;

  @Column('uuid', { name: 'media_ids', array: true, default: () => "'{}'" })
  mediaIds!: string[];

  @Column('jsonb', { default: () => "'{}'" })
  variants!: Partial<Record<Platform, { text: string }>>;

  @Column('timestamptz', { name: 'scheduled_at' })
  scheduledAt!: Date;

  @Column('text')
  status!: PostStatus;

  /** Bumped on every edit; a client sending an older one gets 409 instead of overwriting. */
  @Column('int', { default: 1 })
  version!: number;

  /** Hash of everything that goes out (text, media, link, variants, channels, time). */
  @Column('text', { name: 'content_hash' })
  contentHash!: string;

  /** The content hash the approver saw; publishing refuses anything else. */
  @Column('text', { name: 'approved_hash', nullable: true })
  approvedHash!: string | null;

  @Column('uuid', { name: 'approved_by', nullable: true })
  approvedBy!: string | null;

  @Column('timestamptz', { name: 'approved_at', nullable: true })
  approvedAt!: Date | null;

  /** The version last sent to review (by submitting, or by editing an approved post); null before. */
  @Column('int', { name: 'submitted_version', nullable: true })
  submittedVersion!: number | null;

  /**
   * The version last approved. Unlike the approval itself it stays when the post is edited: who
   * changed the content after it cannot approve the new one (four eyes).
   */
  @Column('int', { name: 'last_approved_version', nullable: true })
  lastApprovedVersion!: number | null;

  /** When it was last sent to review (submitted, or edited back to review): the queue takes the oldest first. */
  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
