import type { EntityManager } from 'typeorm';

/** The post as a notice names and places it. */
export interface ReviewedPost {
  postId: string;
  organizationId: string;
  title: string | null;
  text: string;
  scheduledAt: Date;
}

/** A post now awaits review: whoever may approve it is told. */
export interface ReviewRequest extends ReviewedPost {
  /** Who sent it: by submitting it, or by editing it after approval. */
  sentBy: { id: string; name: string };
  how: 'submitted' | 'edited_after_approval';
  /** People four eyes bar from approving this version: not asked to. */
  barred: string[];
}

/** A post was approved or sent back: its author is told. */
export interface ReviewOutcome extends ReviewedPost {
  authorId: string;
  reviewer: { id: string; name: string };
  outcome: 'approved' | 'rejected';
  /** The reason of a rejection. */
  comment: string | null;
  /** Pages it goes to. */
  channelCount: number;
}

/**
 * How posts tell people about reviews, without knowing how notifications are kept: answered by the
 * notifications context (the application wires it). Every call runs in the transaction of the
 * transition, so a notice exists exactly when the transition happened.
 */
export abstract class PostReviewNotices {
  abstract reviewRequested(request: ReviewRequest, manager: EntityManager): Promise<void>;

  abstract reviewed(outcome: ReviewOutcome, manager: EntityManager): Promise<void>;

  /** The post left review (approved, rejected, cancelled): requests to review it are settled. */
  abstract reviewClosed(postId: string, manager: EntityManager): Promise<void>;
}
