import { Global, Injectable, Module, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Platform } from '@vestnik/contracts';
import type { LoadedImage } from '@vestnik/platforms/core';
import { MediaModule, MediaService, MediaUsageRegistry } from '@vestnik/server/media';
import { Letters, NotificationsModule, ReviewNotices } from '@vestnik/server/notifications';
import { InvitationMail, type InvitationLetter } from '@vestnik/server/organizations';
import { PostReviewNotices, type ReviewOutcome, type ReviewRequest } from '@vestnik/server/posts';
import { PostImage, PostMediaLookup, postUsingMedia } from '@vestnik/server/posts';
import { PublishingMedia } from '@vestnik/server/publishing';

/** Posts see uploaded images as metadata, for validation. */
@Injectable()
class MediaForPosts extends PostMediaLookup {
  constructor(private readonly media: MediaService) {
    super();
  }

  async describe(mediaIds: string[], platform?: Platform): Promise<Map<string, PostImage>> {
    return new Map((await this.media.imageRefs(mediaIds, platform)).map((r) => [r.id, r]));
  }
}

/** The publishing engine gets the bytes, converted for the platform. */
@Injectable()
class MediaForPublishing extends PublishingMedia {
  constructor(private readonly media: MediaService) {
    super();
  }

  async load(mediaIds: string[], platform: Platform): Promise<LoadedImage[]> {
    return this.media.loadForPlatform(mediaIds, platform);
  }
}

/** A file that a live post uses cannot be deleted from under it. */
@Injectable()
class PostsUseMedia implements OnModuleInit {
  constructor(private readonly registry: MediaUsageRegistry) {}

  onModuleInit(): void {
    this.registry.register({ findUse: (mediaId: string, manager: EntityManager) => postUsingMedia(manager, mediaId) });
  }
}

/** Invitation and password-reset links go out through the notifications' e-mail outbox. */
@Injectable()
class LettersForInvitations extends InvitationMail {
  constructor(private readonly letters: Letters) {
    super();
  }

  queue(letter: InvitationLetter, manager: EntityManager): Promise<void> {
    return this.letters.queueLinkLetter(letter.email, letter, manager);
  }
}

/** Reviews asked and done are told through the notifications context, in the transition's transaction. */
@Injectable()
class NoticesOfReviews extends PostReviewNotices {
  constructor(private readonly notices: ReviewNotices) {
    super();
  }

  reviewRequested(request: ReviewRequest, manager: EntityManager): Promise<void> {
    return this.notices.requested(request, manager);
  }

  reviewed(outcome: ReviewOutcome, manager: EntityManager): Promise<void> {
    return this.notices.reviewed(outcome, manager);
  }

  reviewClosed(postId: string, manager: EntityManager): Promise<void> {
    return this.notices.settled(postId, manager);
  }
}

/**
 * The application connects contexts that must not know each other: posts and publishing ask for
 * media through small ports of their own, answered here by the media context; organizations send
 * one-time links through the notifications' outbox.
 */
@Global()
@Module({
  imports: [MediaModule, NotificationsModule],
  providers: [
    { provide: PostMediaLookup, useClass: MediaForPosts },
    { provide: PublishingMedia, useClass: MediaForPublishing },
    { provide: InvitationMail, useClass: LettersForInvitations },
    { provide: PostReviewNotices, useClass: NoticesOfReviews },
    PostsUseMedia,
  ],
  exports: [PostMediaLookup, PublishingMedia, InvitationMail, PostReviewNotices],
})
export class ContextBridgesModule {}
