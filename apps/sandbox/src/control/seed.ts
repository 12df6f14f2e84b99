import type { SandboxContext } from '../app/context';
import type { MaxChat, MaxMember, TelegramMember } from '../state/store';

/** The JSON `POST /control/seed` accepts; every section is optional and adds to what exists. */
export interface SeedRequest {
  vk?: {
    communities?: Array<{ id: number; name: string; screenName?: string; linksForbidden?: boolean }>;
    tokens?: Array<{
      token: string;
      userId: number;
      /** `user` (default) or `group` (a community token, refused where VK wants a user). */
      type?: 'user' | 'group';
      /** For a group token: the community it belongs to. */
      groupId?: number;
      adminOf?: Array<{ groupId: number; level?: number }>;
      /** Seconds from now; negative seeds an already expired token; omitted never expires. */
      expiresInSeconds?: number;
      refreshToken?: string;
      deviceId?: string;
      clientId?: string;
    }>;
    /** Accounts offered on the VK ID consent page (users of seeded user tokens are offered too). */
    users?: Array<{ id: number; name: string; adminOf?: Array<{ groupId: number; level?: number }> }>;
  };
  ok?: {
    /** `applicationId` is the OAuth client_id; the client_secret is the application secret key. */
    app?: { applicationId?: string; applicationKey: string; applicationSecretKey: string };
    groups?: Array<{ gid: string; name: string }>;
    tokens?: Array<{ token: string; uid: string; name: string; roles?: Record<string, string>; expired?: boolean }>;
    /** Accounts offered on the OAuth consent page (owners of seeded tokens are offered too). */
    users?: Array<{ uid: string; name: string; roles?: Record<string, string> }>;
  };
  telegram?: {
    bots?: Array<{ token: string; id: number; username: string; firstName?: string }>;
    channels?: Array<{
      id: number;
      username?: string;
      title: string;
      type?: 'channel' | 'supergroup';
      members?: Array<{ botId: number; status?: TelegramMember['status']; canPostMessages?: boolean }>;
    }>;
  };
  max?: {
    bots?: Array<{ token: string; user_id: number; name: string; username: string }>;
    /** `chat_id` negative like MAX's; `link` the public name (no `@`); members by the bot's `user_id`. */
    chats?: Array<{
      chat_id: number;
      type?: MaxChat['type'];
      title: string;
      link?: string;
      members?: Array<{ user_id: number; is_admin?: boolean; is_owner?: boolean; permissions?: string[] }>;
    }>;
    /** How long an uploaded image answers `attachment.not.ready` (default 300 ms; 0: never). */
    attachmentReadyMs?: number;
  };
}

/** An admin's rights when the seed names none: what a bot needs to post, edit and delete. */
const MAX_ADMIN_PERMISSIONS = ['write', 'read_all_messages', 'edit', 'delete'];
const MAX_CHAT_TYPES: ReadonlyArray<MaxChat['type']> = ['dialog', 'chat', 'channel'];

export class SeedError extends Error {}

function need(condition: unknown, message: string): asserts condition {
  if (!condition) throw new SeedError(message);
}

function rolesOf(roles: Record<string, string> | undefined): Map<string, string> {
  return new Map(Object.entries(roles ?? {}).map(([gid, role]) => [gid, role.toUpperCase()] as [string, string]));
}

export function applySeed(ctx: SandboxContext, seed: SeedRequest): void {
  const { store, clock } = ctx;
  for (const c of seed.vk?.communities ?? []) {
    need(Number.isInteger(c.id) && c.id > 0 && c.name, 'vk.communities[]: id (positive integer) and name are required');
    const existing = store.vk.communities.get(c.id);
    store.vk.communities.set(c.id, {
      id: c.id,
      name: c.name,
      screenName: c.screenName ?? `club${c.id}`,
      linksForbidden: c.linksForbidden ?? false,
      nextPostId: existing?.nextPostId ?? 1,
      posts: existing?.posts ?? [],
    });
  }
  for (const t of seed.vk?.tokens ?? []) {
    need(t.token && Number.isInteger(t.userId), 'vk.tokens[]: token and userId are required');
    const adminLevels = new Map((t.adminOf ?? []).map((a) => [a.groupId, a.level ?? 3] as [number, number]));
    if (t.type === 'group') {
      need(t.groupId, 'vk.tokens[]: a group token needs groupId');
      adminLevels.set(t.groupId, 3);
    }
    const expiresAt = t.expiresInSeconds === undefined ? null : clock.now() + t.expiresInSeconds * 1000;
    store.vk.tokens.set(t.token, { token: t.token, userId: t.userId, kind: t.type ?? 'user', adminLevels, expiresAt });
    if (t.refreshToken) {
      need(t.deviceId, 'vk.tokens[]: a refresh token needs deviceId');
      store.vk.refreshTokens.set(t.refreshToken, {
        token: t.refreshToken,
        userId: t.userId,
        deviceId: t.deviceId,
        clientId: t.clientId,
        adminLevels: new Map(adminLevels),
      });
    }
  }
  for (const u of seed.vk?.users ?? []) {
    need(Number.isInteger(u.id) && u.id > 0 && u.name, 'vk.users[]: id (positive integer) and name are required');
    store.vk.users.set(u.id, { id: u.id, name: u.name, adminLevels: new Map((u.adminOf ?? []).map((a) => [a.groupId, a.level ?? 3] as [number, number])) });
  }
  if (seed.ok?.app) {
    need(seed.ok.app.applicationKey && seed.ok.app.applicationSecretKey, 'ok.app: applicationKey and applicationSecretKey are required');
    need(seed.ok.app.applicationId === undefined || /^\d+$/.test(String(seed.ok.app.applicationId)), 'ok.app.applicationId: digits only, as OK issues them');
    store.ok.app = { ...seed.ok.app, applicationId: seed.ok.app.applicationId === undefined ? undefined : String(seed.ok.app.applicationId) };
  }
  for (const u of seed.ok?.users ?? []) {
    need(u.uid && u.name, 'ok.users[]: uid and name are required');
    store.ok.users.set(String(u.uid), { uid: String(u.uid), name: u.name, roles: rolesOf(u.roles) });
  }
  for (const g of seed.ok?.groups ?? []) {
    need(g.gid && g.name, 'ok.groups[]: gid and name are required');
    const existing = store.ok.groups.get(String(g.gid));
    store.ok.groups.set(String(g.gid), { gid: String(g.gid), name: g.name, nextTopicId: existing?.nextTopicId ?? 70000000001, topics: existing?.topics ?? [] });
  }
  for (const t of seed.ok?.tokens ?? []) {
    need(t.token && t.uid && t.name, 'ok.tokens[]: token, uid and name are required');
    store.ok.tokens.set(t.token, { token: t.token, uid: String(t.uid), name: t.name, roles: rolesOf(t.roles), expired: t.expired ?? false });
  }
  for (const b of seed.telegram?.bots ?? []) {
    need(b.token && Number.isInteger(b.id) && b.username, 'telegram.bots[]: token, id and username are required');
    store.telegram.bots.set(b.token, { token: b.token, id: b.id, username: b.username, firstName: b.firstName ?? b.username });
  }
  applyMaxSeed(ctx, seed.max);
  for (const c of seed.telegram?.channels ?? []) {
    need(Number.isInteger(c.id) && c.title, 'telegram.channels[]: id and title are required');
    const existing = store.telegram.chats.get(c.id);
    const members = new Map<number, TelegramMember>(
      (c.members ?? []).map((m) => [m.botId, { status: m.status ?? 'administrator', canPostMessages: m.canPostMessages ?? true }]),
    );
    store.telegram.chats.set(c.id, {
      id: c.id,
      username: c.username?.replace(/^@/, ''),
      title: c.title,
      type: c.type ?? 'channel',
      members,
      nextMessageId: existing?.nextMessageId ?? 1,
      messages: existing?.messages ?? [],
    });
  }
}

function applyMaxSeed(ctx: SandboxContext, seed: SeedRequest['max']): void {
  const { store, clock } = ctx;
  for (const b of seed?.bots ?? []) {
    need(b.token && Number.isInteger(b.user_id) && b.name && b.username, 'max.bots[]: token, user_id, name and username are required');
    store.max.bots.set(b.token, { token: b.token, userId: b.user_id, name: b.name, username: b.username });
  }
  for (const c of seed?.chats ?? []) {
    need(Number.isInteger(c.chat_id) && c.title, 'max.chats[]: chat_id (integer) and title are required');
    need(c.type === undefined || MAX_CHAT_TYPES.includes(c.type), `max.chats[]: type must be one of ${MAX_CHAT_TYPES.join(', ')}`);
    need(c.link === undefined || /^@?[a-zA-Z][\w-]*$/.test(c.link), 'max.chats[]: link is a public name such as "sovet_news"');
    const members = new Map<number, MaxMember>();
    for (const m of c.members ?? []) {
      need(Number.isInteger(m.user_id), 'max.chats[].members[]: user_id is required');
      const isAdmin = m.is_admin ?? true;
      members.set(m.user_id, {
        isAdmin,
        isOwner: m.is_owner ?? false,
        permissions: isAdmin || m.is_owner ? (m.permissions ?? MAX_ADMIN_PERMISSIONS) : null,
        joinedAt: clock.now(),
      });
    }
    const existing = store.max.chats.get(c.chat_id);
    store.max.chats.set(c.chat_id, {
      chatId: c.chat_id,
      type: c.type ?? 'channel',
      title: c.title,
      link: c.link?.replace(/^@/, ''),
      members,
      nextSeq: existing?.nextSeq ?? 1,
      messages: existing?.messages ?? [],
    });
  }
  if (seed?.attachmentReadyMs !== undefined) {
    need(Number.isFinite(seed.attachmentReadyMs) && seed.attachmentReadyMs >= 0, 'max.attachmentReadyMs: milliseconds, 0 or more');
    store.max.attachmentReadyMs = seed.attachmentReadyMs;
  }
}
