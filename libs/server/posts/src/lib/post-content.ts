import { createHash } from 'node:crypto';
import { PLATFORMS, type Platform, type PostProblem } from '@vestnik/contracts';
import { ContentViolation, PostContent, validateForPlatform } from '@vestnik/platforms/rules';
import type { PostEntity } from './entities/post.entity';
import type { RevisionContent } from './entities/post-revision.entity';
import type { PostImage } from './post-media';

/** What a target channel needs to know for validation. */
export interface TargetChannel {
  id: string;
  name: string;
  platform: Platform;
  state: string;
}

/**
 * Hash of everything the approver signs off: what goes out, where and when. Publishing compares
 * it with the approved hash, so nothing edited after approval can go out.
 */
export function contentHash(post: Pick<PostEntity, 'rubric' | 'title' | 'text' | 'link' | 'mediaIds' | 'variants' | 'scheduledAt'>, channelIds: string[]): string {
  const canonical = JSON.stringify([
    post.rubric,
    post.title ?? null,
    post.text,
    post.link ?? null,
    post.mediaIds,
    variantTexts(post.variants),
    [...channelIds].sort(),
    post.scheduledAt.toISOString(),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * The platforms' own texts in the order of `PLATFORMS`. A platform added after the first three
 * enters only when it carries a text, so the hashes of posts approved before it stay valid.
 */
function variantTexts(variants: PostEntity['variants']): (string | null)[] {
  const texts = PLATFORMS.map((p) => variants[p]?.text ?? null);
  while (texts.length > 3 && texts[texts.length - 1] === null) texts.pop();
  return texts;
}

/** What a revision keeps of a version: the same fields as the content hash, for reviewers to compare. */
export function revisionContent(post: Pick<PostEntity, 'rubric' | 'title' | 'text' | 'link' | 'mediaIds' | 'variants' | 'scheduledAt'>, channelIds: string[]): RevisionContent {
  return {
    rubric: post.rubric,
    title: post.title ?? null,
    text: post.text,
    link: post.link ?? null,
    mediaIds: [...post.mediaIds],
    variants: post.variants,
    channelIds: [...channelIds].sort(),
    scheduledAt: post.scheduledAt.toISOString(),
  };
}

/** The platform-neutral content for one platform: its own variant text if any, else the common text. */
export function contentFor(post: Pick<PostEntity, 'text' | 'link' | 'mediaIds' | 'variants'>, platform: Platform, images: Map<string, PostImage>): PostContent {
  return {
    text: post.variants[platform]?.text ?? post.text,
    images: post.mediaIds.map((id) => images.get(id)).filter((i): i is PostImage => i !== undefined),
    ...(post.link ? { link: post.link } : {}),
  };
}

/** The images as each platform will receive them (types after conversion). */
export type ImagesByPlatform = (platform: Platform) => Map<string, PostImage>;

/** Every rule a target would break, named by channel; an empty list means the post may be submitted. */
export function postProblems(post: Pick<PostEntity, 'text' | 'link' | 'mediaIds' | 'variants'>, channels: TargetChannel[], imagesFor: ImagesByPlatform): PostProblem[] {
  const problems: PostProblem[] = [];
  const images = imagesFor(channels[0]?.platform ?? 'vk');
  for (const id of post.mediaIds) {
    if (!images.has(id)) {
      for (const c of channels) problems.push({ channelId: c.id, channelName: c.name, platform: c.platform, code: 'media_missing', field: 'mediaIds', message: 'Изображение не найдено: загрузите его заново' });
    }
  }
  // The content differs by platform, never by channel: parse and validate it once per platform.
  const violations = new Map<Platform, ContentViolation[]>();
  const violationsFor = (platform: Platform): ContentViolation[] => {
    const known = violations.get(platform);
    if (known) return known;
    const found = validateForPlatform(platform, contentFor(post, platform, imagesFor(platform)));
    violations.set(platform, found);
    return found;
  };
  for (const channel of channels) {
    if (channel.state === 'disabled') {
      problems.push({ channelId: channel.id, channelName: channel.name, platform: channel.platform, code: 'channel_disabled', field: 'channelIds', message: `Канал «${channel.name}» отключён` });
    }
    for (const v of violationsFor(channel.platform)) {
      const field = v.field === 'text' && post.variants[channel.platform] ? `variants.${channel.platform}.text` : v.field;
      problems.push({ channelId: channel.id, channelName: channel.name, platform: channel.platform, code: v.code, field, message: `${channel.name}: ${v.message}` });
    }
  }
  return problems;
}

/**
 * Problems of the post itself rather than of a channel: no channel left to publish to, or a time
 * earlier than `earliest`. They name no channel and no platform.
 */
export function postLevelProblems(post: Pick<PostEntity, 'scheduledAt'>, channelCount: number, earliest: Date): PostProblem[] {
  const problems: PostProblem[] = [];
  const ofPost = { channelId: null, channelName: null, platform: null };
  if (channelCount === 0) problems.push({ ...ofPost, code: 'no_channels', field: 'channelIds', message: 'Не выбрано ни одного канала' });
  if (post.scheduledAt.getTime() < earliest.getTime()) {
    problems.push({ ...ofPost, code: 'scheduled_in_past', field: 'scheduledAt', message: 'Время публикации уже прошло или наступит меньше чем через минуту: выберите более позднее' });
  }
  return problems;
}
