import { formatZoned, PLATFORMS, type ChannelRefView, type PostChangesView } from '@vestnik/contracts';
import type { RevisionContent } from './entities/post-revision.entity';
import { wordDiff } from './word-diff';

/** The parts of the changes answer that follow from two contents alone. */
export type ContentChanges = Pick<PostChangesView, 'changed' | 'text' | 'variants' | 'title' | 'link' | 'rubric' | 'scheduledAt' | 'images' | 'channels'>;

/**
 * What changed from `base` to `current`; with no base, everything is new. Channels are named by
 * `channel` (a channel deleted since still has its name), times written in `timezone`.
 */
export function compareContents(base: RevisionContent | null, current: RevisionContent, channel: (id: string) => ChannelRefView | undefined, timezone: string): ContentChanges {
  const text = textChange(base?.text ?? '', current.text);
  const variants = PLATFORMS.filter((p) => base?.variants[p] || current.variants[p]).map((platform) => ({
    platform,
    before: !!base?.variants[platform],
    after: !!current.variants[platform],
    ...textChange(base?.variants[platform]?.text ?? '', current.variants[platform]?.text ?? ''),
  }));
  const title = { changed: (base?.title ?? null) !== current.title, before: base?.title ?? null, after: current.title };
  const link = { changed: (base?.link ?? null) !== current.link, before: base?.link ?? null, after: current.link };
  const rubric = { changed: base?.rubric !== current.rubric, before: base?.rubric ?? null, after: current.rubric };
  const scheduledAt = {
    changed: base?.scheduledAt !== current.scheduledAt,
    before: base?.scheduledAt ?? null,
    beforeLocal: base ? formatZoned(new Date(base.scheduledAt), timezone) : null,
    after: current.scheduledAt,
    afterLocal: formatZoned(new Date(current.scheduledAt), timezone),
  };

  const baseImages = base?.mediaIds ?? [];
  const images = {
    added: current.mediaIds.filter((id) => !baseImages.includes(id)),
    removed: baseImages.filter((id) => !current.mediaIds.includes(id)),
    reordered: sameOrder(baseImages, current.mediaIds) === false,
  };

  const baseChannels = new Set(base?.channelIds ?? []);
  const currentChannels = new Set(current.channelIds);
  // Channels are never deleted for good (only marked), so each id has its name.
  const named = (ids: string[]) =>
    ids
      .map(channel)
      .filter((c): c is ChannelRefView => c !== undefined)
      .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  const channels = {
    added: named(current.channelIds.filter((id) => !baseChannels.has(id))),
    removed: named([...baseChannels].filter((id) => !currentChannels.has(id))),
    kept: current.channelIds.filter((id) => baseChannels.has(id)).length,
  };

  const changed =
    text.changed ||
    variants.some((v) => v.changed) ||
    title.changed ||
    link.changed ||
    rubric.changed ||
    scheduledAt.changed ||
    images.added.length > 0 ||
    images.removed.length > 0 ||
    images.reordered ||
    channels.added.length > 0 ||
    channels.removed.length > 0;
  return { changed, text, variants, title, link, rubric, scheduledAt, images, channels };
}

function textChange(before: string, after: string): { changed: boolean; segments: ReturnType<typeof wordDiff> } {
  return { changed: before !== after, segments: wordDiff(before, after) };
}

/** Whether the images both lists have come in the same order; null when they share fewer than two. */
function sameOrder(before: string[], after: string[]): boolean | null {
  const common = after.filter((id) => before.includes(id));
  if (common.length < 2) return null;
  const inBefore = before.filter((id) => common.includes(id));
  return common.every((id, i) => inBefore[i] === id);
}
