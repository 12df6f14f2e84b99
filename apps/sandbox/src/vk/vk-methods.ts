import type { SandboxContext } from '../app/context';
import type { RequestFields } from '../http/request-body';
import { text } from '../http/request-body';
import { RATE_LIMITS } from '../state/rate-limits';
import type { VkAccessToken, VkCommunity, VkWallPost } from '../state/store';

export interface VkCall {
  fields: RequestFields;
  token: VkAccessToken;
  baseUrl: string;
  now: number;
}

export interface VkFailure {
  error: number;
  message: string;
}

type VkHandler = (ctx: SandboxContext, call: VkCall) => { response: unknown } | VkFailure;

const GUID_WINDOW_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** The sandbox's own text limit (the rules refuse earlier, at 15895). */
const MESSAGE_MAX = 16384;
const MEDIA_MAX = 10;

const bad = (message: string): VkFailure => ({ error: 100, message: `One of the parameters specified was missing or invalid: ${message}` });

function findCommunity(ctx: SandboxContext, idOrName: string): VkCommunity | undefined {
  const numeric = /^-?(?:club|public)?(\d+)$/i.exec(idOrName.trim());
  if (numeric) return ctx.store.vk.communities.get(Number(numeric[1]));
  const name = idOrName.trim().toLowerCase();
  return [...ctx.store.vk.communities.values()].find((c) => c.screenName.toLowerCase() === name);
}

function adminLevel(token: VkAccessToken, groupId: number): number {
  return token.adminLevels.get(groupId) ?? 0;
}

/** Community walls only: owner_id must be `-{groupId}` of a seeded community. */
function wallOf(ctx: SandboxContext, call: VkCall): VkCommunity | VkFailure {
  const ownerId = Number(text(call.fields, 'owner_id') ?? 0);
  if (!(ownerId < 0)) return bad('owner_id must be -{groupId}: the sandbox emulates community walls only');
  return ctx.store.vk.communities.get(-ownerId) ?? bad(`owner_id ${ownerId} is not a known community`);
}

interface ParsedAttachments {
  attachments: string[];
  imageIds: string[];
  link?: string;
}

function parseAttachments(ctx: SandboxContext, community: VkCommunity, raw: string | undefined): ParsedAttachments | VkFailure {
  const parsed: ParsedAttachments = { attachments: [], imageIds: [] };
  for (const item of (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    if (/^https?:\/\//i.test(item)) {
      if (parsed.link) return bad('attachments: more than one link');
      parsed.link = item;
      parsed.attachments.push(item);
      continue;
    }
    const photo = /^photo(-?\d+)_(\d+)$/.exec(item);
    if (!photo) return bad(`attachments: ${item} is not a photo or a link (the sandbox emulates only these)`);
    if (Number(photo[1]) !== -community.id) return bad(`attachments: ${item} belongs to another wall`);
    const imageId = ctx.store.vk.photos.get(`${photo[1]}_${photo[2]}`);
    if (!imageId) return bad(`attachments: ${item} was not saved with photos.saveWallPhoto`);
    parsed.attachments.push(item);
    parsed.imageIds.push(imageId);
  }
  if (parsed.imageIds.length > MEDIA_MAX) return bad(`attachments: at most ${MEDIA_MAX} media`);
  return parsed;
}

function checkContent(community: VkCommunity, message: string, parsed: ParsedAttachments): VkFailure | null {
  if (!message && parsed.attachments.length === 0) return bad('message or attachments is required');
  if (message.length > MESSAGE_MAX) return bad(`message is too long (more than ${MESSAGE_MAX} characters)`);
  if (community.linksForbidden && (parsed.link || /https?:\/\//i.test(message))) return { error: 222, message: 'Hyperlinks are forbidden' };
  return null;
}

/** A community as groups.getById and groups.get (extended) describe it to this token. */
function groupObject(community: VkCommunity, level: number): Record<string, unknown> {
  return {
    id: community.id,
    name: community.name,
    screen_name: community.screenName,
    is_closed: 0,
    type: 'page',
    is_admin: level > 0 ? 1 : 0,
    ...(level > 0 ? { admin_level: level } : {}),
    can_post: level >= 2 ? 1 : 0,
  };
}

const groupsGetById: VkHandler = (ctx, call) => {
  const ids = (text(call.fields, 'group_ids') ?? text(call.fields, 'group_id') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) return bad('group_id is undefined');
  const groups = [];
  for (const id of ids) {
    const community = findCommunity(ctx, id);
    if (!community) return bad(`group_id ${id} is invalid`);
    groups.push(groupObject(community, call.token.kind === 'group' ? 3 : adminLevel(call.token, community.id)));
  }
  return { response: { groups, profiles: [] } };
};

/** groups.get filters (groups_filter in the schema): the least admin level each one admits. */
const ROLE_FILTERS: Record<string, number> = { admin: 3, editor: 2, moder: 1 };
/** Every seeded community is a public page (`type: 'page'`). */
const TYPE_FILTERS: Record<string, boolean> = { publics: true, groups: false, events: false };

/**
 * groups.get: the sandbox knows only admin relations, so a user's communities are those he
 * manages. `filter=admin|editor|moder` narrows by level (VK allows it for the current user only).
 */
const groupsGet: VkHandler = (ctx, call) => {
  const userId = Number(text(call.fields, 'user_id') ?? call.token.userId);
  const filters = (text(call.fields, 'filter') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const unsupported = filters.find((f) => !(f in ROLE_FILTERS) && !(f in TYPE_FILTERS));
  if (unsupported) return bad(`filter ${unsupported} is not emulated (admin, editor, moder, groups, publics, events are)`);
  const roleFilters = filters.filter((f) => f in ROLE_FILTERS);
  if (roleFilters.length > 0 && userId !== call.token.userId) return { error: 15, message: 'Access denied: filter admin, editor and moder are available for the current user only' };
  const minLevel = roleFilters.length ? Math.min(...roleFilters.map((f) => ROLE_FILTERS[f])) : 1;
  const typeFilters = filters.filter((f) => f in TYPE_FILTERS);
  if (typeFilters.length > 0 && !typeFilters.some((f) => TYPE_FILTERS[f])) return { response: { count: 0, items: [] } };
  // Another user's communities: the sandbox knows none (it tracks admin rights per token only).
  const levels = userId === call.token.userId ? call.token.adminLevels : new Map<number, number>();
  const managed = [...ctx.store.vk.communities.values()].filter((c) => (levels.get(c.id) ?? 0) >= minLevel).sort((a, b) => a.id - b.id);
  const offset = Number(text(call.fields, 'offset') ?? 0);
  const count = Number(text(call.fields, 'count') ?? 1000);
  const page = managed.slice(offset, offset + count);
  const extended = text(call.fields, 'extended') === '1';
  return { response: { count: managed.length, items: extended ? page.map((c) => groupObject(c, levels.get(c.id) ?? 0)) : page.map((c) => c.id) } };
};

const photosGetWallUploadServer: VkHandler = (ctx, call) => {
  const groupId = Number(text(call.fields, 'group_id') ?? 0);
  const community = ctx.store.vk.communities.get(groupId);
  if (!community) return bad('group_id is invalid');
  if (adminLevel(call.token, groupId) < 2) return { error: 15, message: 'Access denied: no access to upload photos to this community wall' };
  const ticket = ctx.store.nextId('vkup');
  ctx.store.vk.uploadTickets.set(ticket, { groupId, userId: call.token.userId });
  return { response: { album_id: -14, upload_url: `${call.baseUrl}/vk/upload/${ticket}`, user_id: call.token.userId, group_id: groupId } };
};

const photosSaveWallPhoto: VkHandler = (ctx, call) => {
  const groupId = Number(text(call.fields, 'group_id') ?? 0);
  const photo = text(call.fields, 'photo') ?? '';
  const upload = ctx.store.vk.uploads.get(photo);
  if (!upload) return bad('photo is undefined: upload it to the upload_url first');
  if (upload.groupId !== groupId || upload.userId !== call.token.userId) return bad('photo was uploaded for another community or user');
  if (String(upload.hash) !== (text(call.fields, 'hash') ?? '')) return { error: 121, message: 'Invalid hash' };
  if (text(call.fields, 'server') !== '1') return { error: 118, message: 'Invalid server' };
  const id = ctx.store.vk.nextPhotoId++;
  ctx.store.vk.photos.set(`-${groupId}_${id}`, upload.imageId);
  upload.saved = true;
  return {
    response: [
      {
        id,
        album_id: -14,
        owner_id: -groupId,
        user_id: 100,
        date: Math.floor(call.now / 1000),
        text: '',
        has_tags: false,
        sizes: [{ type: 'x', url: `${call.baseUrl}/images/${upload.imageId}`, width: 0, height: 0 }],
      },
    ],
  };
};

const wallPost: VkHandler = (ctx, call) => {
  const community = wallOf(ctx, call);
  if ('error' in community) return community;
  if (adminLevel(call.token, community.id) < 2) {
    return { error: 214, message: 'Access to adding post denied: only editors and administrators post on behalf of the community' };
  }
  const guid = text(call.fields, 'guid');
  if (guid) {
    // Same guid within an hour: the same post, not a second one. What real VK answers is unconfirmed.
    const earlier = community.posts.find((p) => p.guid === guid && p.byUserId === call.token.userId && p.createdAt > call.now - GUID_WINDOW_MS);
    if (earlier) return { response: { post_id: earlier.id } };
  }
  const message = text(call.fields, 'message') ?? '';
  const parsed = parseAttachments(ctx, community, text(call.fields, 'attachments'));
  if ('error' in parsed) return parsed;
  const refused = checkContent(community, message, parsed);
  if (refused) return refused;
  const daily = ctx.limits.hit(`vk:wall:${community.id}`, RATE_LIMITS.vkPostsPerDay, DAY_MS);
  if (daily > 0) return { error: 214, message: `Access to adding post denied: you can only add ${RATE_LIMITS.vkPostsPerDay} posts a day` };
  const post: VkWallPost = {
    id: community.nextPostId++,
    ownerId: -community.id,
    fromGroup: text(call.fields, 'from_group') === '1',
    text: message,
    ...parsed,
    guid,
    byUserId: call.token.userId,
    createdAt: call.now,
  };
  community.posts.push(post);
  return { response: { post_id: post.id } };
};

const wallEdit: VkHandler = (ctx, call) => {
  const community = wallOf(ctx, call);
  if ('error' in community) return community;
  if (adminLevel(call.token, community.id) < 2) return { error: 15, message: 'Access denied: not an editor of the community' };
  const post = community.posts.find((p) => p.id === Number(text(call.fields, 'post_id')) && !p.deletedAt);
  if (!post) return bad('post_id is invalid: no such post');
  const message = text(call.fields, 'message') ?? '';
  const parsed = parseAttachments(ctx, community, text(call.fields, 'attachments'));
  if ('error' in parsed) return parsed;
  const refused = checkContent(community, message, parsed);
  if (refused) return refused;
  Object.assign(post, { text: message, attachments: parsed.attachments, imageIds: parsed.imageIds, link: parsed.link, editedAt: call.now });
  return { response: { post_id: post.id } };
};

const wallDelete: VkHandler = (ctx, call) => {
  const community = wallOf(ctx, call);
  if ('error' in community) return community;
  if (adminLevel(call.token, community.id) < 2) return { error: 210, message: "Access to wall's post denied" };
  const post = community.posts.find((p) => p.id === Number(text(call.fields, 'post_id')) && !p.deletedAt);
  if (!post) return { error: 104, message: 'Not found' };
  post.deletedAt = call.now;
  return { response: 1 };
};

export const VK_METHOD_HANDLERS: Readonly<Record<string, VkHandler>> = {
  'groups.get': groupsGet,
  'groups.getById': groupsGetById,
  'photos.getWallUploadServer': photosGetWallUploadServer,
  'photos.saveWallPhoto': photosSaveWallPhoto,
  'wall.post': wallPost,
  'wall.edit': wallEdit,
  'wall.delete': wallDelete,
};
