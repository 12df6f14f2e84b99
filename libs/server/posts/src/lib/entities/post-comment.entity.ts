import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('post_comments')
export class PostCommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'post_id' })
  postId!: string;

  @Column('uuid', { name: 'author_id' })
  authorId!: string;

  /** `rejection` comments are the required reason of a supervisor sending a post back. */
  @Column('text')
  kind!: 'comment' | 'rejection';

  @Column('text')
  body!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
