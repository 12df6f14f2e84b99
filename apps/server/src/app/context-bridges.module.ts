import { Global, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Platform } from '@vestnik/contracts';
import type { LoadedImage } from '@vestnik/platforms/core';
import { ChannelAccess, ChannelActivity, ChannelsModule, type ChannelActivityFacts } from '@vestnik/server/channels';
import { MediaModule, MediaService, MediaUsageRegistry } from '@vestnik/server/media';
import { Letters, NotificationsModule, ReviewNotices } from '@vestnik/server/notifications';
import { InvitationMail, type InvitationLetter } from '@vestnik/server/organizations';
import { PostReviewNotices, type ReviewOutcome, type ReviewRequest } from '@vestnik/server/posts';
import { channelPublicationFacts, PostImage, PostMediaLookup, postUsingMedia } from '@vestnik/server/posts';
import { PublishingChannels, PublishingMedia, type ChannelToSend } from '@vestnik/server/publishing';

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

/** The publishing engine opens channels, marks them for a person and renews their credentials through the channels context. */
@Injectable()
class ChannelsForPublishing extends PublishingChannels {
  constructor(private readonly channels: ChannelAccess) {
    super();
  }

  open(channelId: string, m?: EntityManager): Promise<ChannelToSend | null> {
    return this.channels.open(channelId, m);
  }

  openMany(channelIds: readonly string[], m?: EntityManager): Promise<Map<string, ChannelToSend>> {
    return this.channels.openMany(channelIds, m);
  }

  markNeedsAttention(m: EntityManager, channelId: string, reason: string): Promise<boolean> {
    return this.channels.markNeedsAttention(m, channelId, reason);
  }

  refreshCredentials(channelId: string, staleVersion: string): Promise<{ ok: true } | { ok: false; reason: string }> {
    return this.channels.refreshCredentials(channelId, staleVersion);
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

/** The channels page shows each page's last publication, which the posts context knows. */
@Injectable()
class PublicationsOfChannels extends ChannelActivity {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  of(channelIds: readonly string[]): Promise<Map<string, ChannelActivityFacts>> {
    return channelPublicationFacts(this.dataSource.manager, channelIds);
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
 * one-time links through the notifications' outbox; channels learn their publications from posts.
 */
@Global()
@Module({
  imports: [MediaModule, NotificationsModule, ChannelsModule],
  providers: [
    { provide: PostMediaLookup, useClass: MediaForPosts },
    { provide: PublishingMedia, useClass: MediaForPublishing },
    { provide: PublishingChannels, useClass: ChannelsForPublishing },
    { provide: InvitationMail, useClass: LettersForInvitations },
    { provide: PostReviewNotices, useClass: NoticesOfReviews },
    { provide: ChannelActivity, useClass: PublicationsOfChannels },
    PostsUseMedia,
  ],
  exports: [PostMediaLookup, PublishingMedia, PublishingChannels, InvitationMail, PostReviewNotices, ChannelActivity],
})
export class ContextBridgesModule {}
