import type { SandboxContext } from '../app/context';

/** One stored post as tests and the feed page see it, whatever the platform. */
export interface PostView {
  id: string;
  text: string;
  /** Sanitized HTML (Telegram, MAX formatting) when the platform has formatting. */
  html?: string;
  imageUrls: string[];
  attachments: string[];
  link?: string;
  guid?: string;
  mediaGroupId?: string;
  /** MAX: the text as the request carried it and its `format` (`text` is what a reader sees). */
  raw?: string;
  format?: 'markdown' | 'html' | null;
  createdAt: string;
  editedAt?: string;
  deletedAt?: string;
}

export interface FeedView {
  platform: 'vk' | 'ok' | 'telegram' | 'max';
  target: string;
  title: string;
  posts: PostView[];
}

const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString());
const imageUrl = (id: string): string => `/images/${id}`;

/** Every community, group and channel with its posts, oldest first. */
export function allFeeds(ctx: SandboxContext): FeedView[] {
  const { store } = ctx;
  const vk = [...store.vk.communities.values()].map<FeedView>((c) => ({
    platform: 'vk',
    target: String(c.id),
    title: c.name,
    posts: c.posts.map((p) => ({
      id: String(p.id),
      text: p.text,
      imageUrls: p.imageIds.map(imageUrl),
      attachments: p.attachments,
      link: p.link,
      guid: p.guid,
      createdAt: iso(p.createdAt) ?? '',
      editedAt: iso(p.editedAt),
      deletedAt: iso(p.deletedAt),
    })),
  }));
  const ok = [...store.ok.groups.values()].map<FeedView>((g) => ({
    platform: 'ok',
    target: g.gid,
    title: g.name,
    posts: g.topics.map((t) => ({
      id: t.id,
      text: t.text,
      imageUrls: t.imageIds.map(imageUrl),
      attachments: t.imageIds.map((id) => `photo:${id}`),
      link: t.link,
      createdAt: iso(t.createdAt) ?? '',
      editedAt: iso(t.editedAt),
      deletedAt: iso(t.deletedAt),
    })),
  }));
  const telegram = [...store.telegram.chats.values()].map<FeedView>((c) => ({
    platform: 'telegram',
    target: String(c.id),
    title: c.title,
    posts: c.messages.map((m) => {
      const imageId = m.photoFileId ? store.telegram.files.get(m.photoFileId) : undefined;
      return {
        id: String(m.messageId),
        text: m.text ?? m.caption ?? '',
        html: m.html ?? m.captionHtml,
        imageUrls: imageId ? [imageUrl(imageId)] : [],
        attachments: m.photoFileId ? [`photo:${m.photoFileId}`] : [],
        link: m.linkPreviewUrl,
        mediaGroupId: m.mediaGroupId,
        createdAt: iso(m.date) ?? '',
        editedAt: iso(m.editedAt),
        deletedAt: iso(m.deletedAt),
      };
    }),
  }));
  const max = [...store.max.chats.values()].map<FeedView>((c) => ({
    platform: 'max',
    target: String(c.chatId),
    title: c.title,
    posts: c.messages.map((m) => {
      const imageIds = m.imageTokens.map((token) => store.max.photos.get(token)?.imageId ?? '');
      return {
        id: m.mid,
        text: m.text,
        html: m.html,
        raw: m.raw,
        format: m.format,
        imageUrls: imageIds.map(imageUrl),
        attachments: m.imageTokens.map((token) => `image:${token}`),
        createdAt: iso(m.timestamp) ?? '',
        editedAt: iso(m.editedAt),
        deletedAt: iso(m.deletedAt),
      };
    }),
  }));
  return [...vk, ...ok, ...telegram, ...max];
}

/** Finds a feed by platform and target (`123`, `-123`, `@name` for Telegram, chat id or link name for MAX). */
export function feedFor(ctx: SandboxContext, platform: string, target: string): FeedView | undefined {
  if (platform === 'max') {
    const chat = ctx.store.findMaxChat(target);
    return chat ? allFeeds(ctx).find((f) => f.platform === 'max' && f.target === String(chat.chatId)) : undefined;
  }
  if (platform === 'telegram') {
    const chat = ctx.store.findTelegramChat(target);
    return chat ? allFeeds(ctx).find((f) => f.platform === 'telegram' && f.target === String(chat.id)) : undefined;
  }
  const normalized = platform === 'vk' ? target.replace(/^-|^club/, '') : target;
  return allFeeds(ctx).find((f) => f.platform === platform && f.target === normalized);
}
