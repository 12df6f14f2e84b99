/** Everything the sandbox remembers, in memory. One instance per running sandbox; `reset()` empties it. */

export interface StoredImage {
  id: string;
  bytes: Buffer;
  mimeType: string;
  fileName: string;
}

export interface VkCommunity {
  id: number;
  name: string;
  screenName: string;
  /** Community setting: links in posts refused with error 222. */
  linksForbidden: boolean;
  nextPostId: number;
  posts: VkWallPost[];
}

export interface VkWallPost {
  id: number;
  ownerId: number;
  fromGroup: boolean;
  text: string;
  attachments: string[];
  imageIds: string[];
  link?: string;
  guid?: string;
  byUserId: number;
  createdAt: number;
  editedAt?: number;
  deletedAt?: number;
}

export interface VkAccessToken {
  token: string;
  userId: number;
  kind: 'user' | 'group';
  /** group id → admin level (1 moderator, 2 editor, 3 administrator). */
  adminLevels: Map<number, number>;
  /** Epoch ms; null never expires. */
  expiresAt: number | null;
}

export interface VkRefreshToken {
  token: string;
  userId: number;
  deviceId: string;
  clientId?: string;
  adminLevels: Map<number, number>;
  spentAt?: number;
}

/** A VK account that can sign in on the VK ID consent page (seeded, or known from its user tokens). */
export interface VkIdUser {
  id: number;
  name: string;
  /** group id → admin level (1 moderator, 2 editor, 3 administrator). */
  adminLevels: Map<number, number>;
}

/** A VK ID authorization code: single use, bound to its PKCE challenge, client, redirect and device. */
export interface VkIdCode {
  code: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  deviceId: string;
  scope: string;
  userId: number;
  adminLevels: Map<number, number>;
  /** Epoch ms. */
  expiresAt: number;
  usedAt?: number;
  /** Tokens issued for it, revoked if the code is presented again. */
  issued?: { accessToken: string; refreshToken: string };
}

export interface VkUpload {
  groupId: number;
  userId: number;
  imageId: string;
  hash: string;
  saved: boolean;
}

export interface OkApp {
  /** OAuth client_id; the OAuth client_secret is the application secret key. */
  applicationId?: string;
  applicationKey: string;
  applicationSecretKey: string;
}

/** An OK account that can sign in on the OAuth consent page (seeded, or known from its tokens). */
export interface OkUser {
  uid: string;
  name: string;
  roles: Map<string, string>;
}

/** An OK OAuth code: single use, short-lived, bound to its client and redirect_uri. */
export interface OkAuthCode {
  code: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  /** The account that consented, as it was at that moment. */
  uid: string;
  name: string;
  roles: Map<string, string>;
  /** Epoch ms. */
  expiresAt: number;
  usedAt?: number;
  issued?: { accessToken: string; refreshToken: string };
}

export interface OkGroup {
  gid: string;
  name: string;
  nextTopicId: number;
  topics: OkTopic[];
}

export interface OkTopic {
  id: string;
  gid: string;
  text: string;
  imageIds: string[];
  link?: string;
  byUid: string;
  createdAt: number;
  editedAt?: number;
  deletedAt?: number;
}

export interface OkToken {
  token: string;
  uid: string;
  name: string;
  /** gid → role as group.getUserGroupsByIds reports it (ADMIN, MODERATOR, EDITOR, ACTIVE...). */
  roles: Map<string, string>;
  expired: boolean;
}

export interface OkUploadTicket {
  gid: string;
  uid: string;
  photoIds: string[];
}

export interface TelegramBot {
  token: string;
  id: number;
  username: string;
  firstName: string;
}

export interface TelegramMember {
  status: 'creator' | 'administrator' | 'member' | 'left';
  canPostMessages: boolean;
}

export interface TelegramChat {
  id: number;
  username?: string;
  title: string;
  type: 'channel' | 'supergroup';
  members: Map<number, TelegramMember>;
  nextMessageId: number;
  messages: TelegramStoredMessage[];
}

export interface TelegramStoredMessage {
  messageId: number;
  botId: number;
  date: number;
  /** Visible text and the sanitized HTML we rebuilt from it (safe to show in the feed). */
  text?: string;
  html?: string;
  caption?: string;
  captionHtml?: string;
  photoFileId?: string;
  mediaGroupId?: string;
  linkPreviewUrl?: string;
  editedAt?: number;
  deletedAt?: number;
}

export interface MaxBot {
  token: string;
  userId: number;
  name: string;
  username: string;
}

export interface MaxMember {
  isAdmin: boolean;
  isOwner: boolean;
  /** As the schema names them (`write`, `read_all_messages`, …); null for a member who is not an admin. */
  permissions: string[] | null;
  joinedAt: number;
}

export interface MaxChat {
  chatId: number;
  type: 'dialog' | 'chat' | 'channel';
  title: string;
  /** Public link name (`https://max.ru/<link>`), without `@`; absent for a private chat. */
  link?: string;
  /** By the member's user_id. */
  members: Map<number, MaxMember>;
  nextSeq: number;
  messages: MaxStoredMessage[];
}

export interface MaxStoredMessage {
  mid: string;
  seq: number;
  botUserId: number;
  timestamp: number;
  /** What a reader sees (HTML tags removed and entities decoded; markdown kept as sent). */
  text: string;
  /** The text as the request carried it, and its `format`, for assertions. */
  raw: string;
  format: 'markdown' | 'html' | null;
  /** Sanitized HTML of what a reader sees, safe to show in the feed page. */
  html: string;
  imageTokens: string[];
  link?: { type: string; mid: string };
  notify: boolean;
  disableLinkPreview: boolean;
  editedAt?: number;
  deletedAt?: number;
}

/** An image uploaded through `POST /uploads?type=image` and the upload URL. */
export interface MaxPhoto {
  token: string;
  photoId: number;
  imageId: string;
  botUserId: number;
  /** When the upload finished, on the sandbox clock and on the wall clock: the token is "not ready" until `attachmentReadyMs` later. */
  uploadedAt: number;
  uploadedWallAt: number;
}

export class SandboxStore {
  images = new Map<string, StoredImage>();
  vk = {
    communities: new Map<number, VkCommunity>(),
    tokens: new Map<string, VkAccessToken>(),
    refreshTokens: new Map<string, VkRefreshToken>(),
    uploadTickets: new Map<string, { groupId: number; userId: number }>(),
    /** Accounts seeded for the VK ID consent page. */
    users: new Map<number, VkIdUser>(),
    idCodes: new Map<string, VkIdCode>(),
    /** Keyed by the `photo` string the upload server returned. */
    uploads: new Map<string, VkUpload>(),
    /** `{ownerId}_{photoId}` → image id. */
    photos: new Map<string, string>(),
    nextPhotoId: 1,
  };
  ok = {
    app: null as OkApp | null,
    groups: new Map<string, OkGroup>(),
    tokens: new Map<string, OkToken>(),
    /** Accounts seeded for the OAuth consent page. */
    users: new Map<string, OkUser>(),
    authCodes: new Map<string, OkAuthCode>(),
    uploadTickets: new Map<string, OkUploadTicket>(),
    /** Upload token → photo. */
    photoTokens: new Map<string, { imageId: string; gid: string }>(),
  };
  telegram = {
    bots: new Map<string, TelegramBot>(),
    chats: new Map<number, TelegramChat>(),
    /** file_id → image id. */
    files: new Map<string, string>(),
  };
  max = {
    bots: new Map<string, MaxBot>(),
    chats: new Map<number, MaxChat>(),
    /** Upload URL ticket → the bot that asked for it; a ticket is good once. */
    uploadTickets: new Map<string, { botUserId: number }>(),
    photos: new Map<string, MaxPhoto>(),
    nextPhotoId: 1,
    /** How long an uploaded image answers `attachment.not.ready` (0: never). */
    attachmentReadyMs: 300,
  };
  private counter = 0;

  /** Short unique ids for tickets, photos and files. */
  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  }

  saveImage(bytes: Buffer, mimeType: string, fileName: string): StoredImage {
    const image = { id: this.nextId('img'), bytes, mimeType, fileName };
    this.images.set(image.id, image);
    return image;
  }

  findTelegramChat(chatId: string | number): TelegramChat | undefined {
    const key = String(chatId).trim();
    if (key.startsWith('@')) {
      const username = key.slice(1).toLowerCase();
      return [...this.telegram.chats.values()].find((c) => c.username?.toLowerCase() === username);
    }
    return /^-?\d+$/.test(key) ? this.telegram.chats.get(Number(key)) : undefined;
  }

  /** A chat by its id (`-123`) or its public link name (`name`, `@name`). */
  findMaxChat(key: string): MaxChat | undefined {
    const trimmed = key.trim();
    if (/^-?\d+$/.test(trimmed)) return this.max.chats.get(Number(trimmed));
    const link = trimmed.replace(/^@/, '').toLowerCase();
    return [...this.max.chats.values()].find((c) => c.link?.toLowerCase() === link);
  }

  reset(): void {
    const fresh = new SandboxStore();
    this.images = fresh.images;
    this.vk = fresh.vk;
    this.ok = fresh.ok;
    this.telegram = fresh.telegram;
    this.max = fresh.max;
  }
}

/** Recognises the image formats the platforms accept by their first bytes, not by the claimed type. */
export function sniffImageType(bytes: Buffer): 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 6 && bytes.subarray(0, 3).toString('latin1') === 'GIF') return 'image/gif';
  if (bytes.length >= 12 && bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return null;
}
