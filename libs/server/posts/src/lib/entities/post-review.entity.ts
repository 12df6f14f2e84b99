import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One approval or rejection, with the version it judged; written in the transaction of the transition. */
@Entity('post_reviews')
export class PostReviewEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'post_id' })
  postId!: string;

  @Column('int')
  version!: number;

  @Column('text')
  outcome!: 'approved' | 'rejected';

  @Column('uuid', { name: 'reviewer_id' })
  reviewerId!: string;

  /** The reason of a rejection; null for an approval. */
  @Column('text', { nullable: true })
  comment!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
