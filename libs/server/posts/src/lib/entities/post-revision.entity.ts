import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Platform, Rubric } from '@vestnik/contracts';

/** Everything a version said, where and when: what a reviewer compares. */
export interface RevisionContent {
  rubric: Rubric;
  title: string | null;
  text: string;
  link: string | null;
  mediaIds: string[];
  variants: Partial<Record<Platform, { text: string }>>;
  /** Sorted, as in the content hash. */
  channelIds: string[];
  /** UTC, ISO 8601. */
  scheduledAt: string;
}

/**
 * Who gave a post which content: one row per version, written in the transaction of the change.
 * Four eyes read it: nobody who changed the content since its last approval may approve it.
 */
@Entity('post_revisions')
export class PostRevisionEntity {
  @PrimaryColumn('uuid', { name: 'post_id' })
  postId!: string;

  /** The post's `version` this content had. */
  @PrimaryColumn('int')
  version!: number;

  /** The post's content hash at this version; null only for versions from before revisions were kept. */
  @Column('text', { name: 'content_hash', nullable: true })
  contentHash!: string | null;

  @Column('uuid', { name: 'editor_id' })
  editorId!: string;

  @Column('text')
  kind!: 'created' | 'edited';

  /** The content of this version; null only for versions from before content was kept. */
  @Column('jsonb', { nullable: true })
  content!: RevisionContent | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
