import type { SchemaPart } from '@vestnik/server/persistence';
import { PostCommentEntity } from './lib/entities/post-comment.entity';
import { PostEntity } from './lib/entities/post.entity';
import { PostRevisionEntity } from './lib/entities/post-revision.entity';
import { PublicationEntity } from './lib/entities/publication.entity';
import { Posts1764600000000 } from './lib/migrations/1764600000000-Posts';
import { PostRevisions1765100000001 } from './lib/migrations/1765100000001-PostRevisions';
import { PostRevisionContent1765600000000 } from './lib/migrations/1765600000000-PostRevisionContent';
import { PostReviews1765600000001 } from './lib/migrations/1765600000001-PostReviews';
import { PostSubmittedAt1765600000002 } from './lib/migrations/1765600000002-PostSubmittedAt';
import { PublicationCounts1766000000000 } from './lib/migrations/1766000000000-PublicationCounts';
import { PublicationsAttention1766000000001 } from './lib/migrations/1766000000001-PublicationsAttention';
import { ReconcilingPhase1766100000000 } from './lib/migrations/1766100000000-ReconcilingPhase';
import { PostReviewEntity } from './lib/entities/post-review.entity';

export * from './lib/posts.module';
export * from './lib/posts.service';
export * from './lib/post-media';
export * from './lib/post-review-notices';
export * from './lib/channel-publications';
export { contentFor, contentHash } from './lib/post-content';
export { toPublicationView } from './lib/post-view';
export * from './lib/lifecycle/publication-lifecycle';
export * from './lib/lifecycle/post-lifecycle';
export * from './lib/post-reads';
export { PostEntity, PublicationEntity, PostCommentEntity };

export const POSTS_SCHEMA: SchemaPart = {
  entities: [PostEntity, PublicationEntity, PostCommentEntity, PostRevisionEntity, PostReviewEntity],
  migrations: [Posts1764600000000, PostRevisions1765100000001, PostRevisionContent1765600000000, PostReviews1765600000001, PostSubmittedAt1765600000002, PublicationCounts1766000000000, PublicationsAttention1766000000001, ReconcilingPhase1766100000000],
};
