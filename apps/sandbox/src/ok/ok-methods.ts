import type { SandboxContext } from '../app/context';
import type { OkGroup, OkToken, OkTopic } from '../state/store';
import { OK_POSTING_ROLES, OK_TEXT_MAX } from './ok-contract';

export interface OkCall {
  fields: Record<string, string>;
  token: OkToken;
  baseUrl: string;
  now: number;
}

export interface OkFailure {
  error: number;
  message: string;
}

type OkHandler = (ctx: SandboxContext, call: OkCall) => { result: unknown } | OkFailure;

const param = (message: string): OkFailure => ({ error: 100, message: `PARAM : ${message}` });
const MAX_PHOTOS_PER_UPLOAD = 10;
const MAX_TOPICS_PER_PAGE = 100;

function postingGroup(ctx: SandboxContext, call: OkCall, gid: string | undefined): OkGroup | OkFailure {
  if (!gid) return param('gid is required for group topics');
  const group = ctx.store.ok.groups.get(gid);
  if (!group) return { error: 160, message: `PARAM_GROUP_ID : Invalid group id ${gid}` };
  if (!OK_POSTING_ROLES.has(call.token.roles.get(gid) ?? '')) return { error: 10, message: 'PERMISSION_DENIED : Not a group administrator or moderator' };
  return group;
}

interface ParsedAttachment {
  text: string;
  imageIds: string[];
  link?: string;
}

/** `{"media":[{"type":"text","text"},{"type":"photo","list":[{"id":"<token>"}]},{"type":"link","url"}]}` */
function parseAttachment(ctx: SandboxContext, gid: string, raw: string): ParsedAttachment | OkFailure {
  let attachment: unknown;
  try {
    attachment = JSON.parse(raw);
  } catch {
    return param('attachment is not valid JSON');
  }
  const media = (attachment as { media?: unknown }).media;
  if (!Array.isArray(media) || media.length === 0) return param('attachment.media must be a non-empty array');
  const parsed: ParsedAttachment = { text: '', imageIds: [] };
  for (const item of media as Array<Record<string, unknown>>) {
    if (item['type'] === 'text' && typeof item['text'] === 'string') parsed.text += (parsed.text ? '\n' : '') + item['text'];
    else if (item['type'] === 'photo' && Array.isArray(item['list'])) {
      for (const entry of item['list'] as Array<Record<string, unknown>>) {
        const photo = ctx.store.ok.photoTokens.get(String(entry['id'] ?? ''));
        if (!photo || photo.gid !== gid) return param(`photo token ${String(entry['id'])} is unknown for group ${gid}`);
        parsed.imageIds.push(photo.imageId);
      }
    } else if (item['type'] === 'link' && typeof item['url'] === 'string' && /^https?:\/\//.test(item['url'])) {
      if (parsed.link) return param('only one link per topic');
      parsed.link = item['url'];
    } else return param(`unsupported media item ${JSON.stringify(item).slice(0, 80)}`);
  }
  if (parsed.text.length > OK_TEXT_MAX) return { error: 601, message: `TEXT_TOO_LONG : text is longer than ${OK_TEXT_MAX}` };
  return parsed;
}

function topicMedia(topic: OkTopic): object[] {
  const media: object[] = [];
  if (topic.text) media.push({ type: 'text', text: topic.text });
  if (topic.imageIds.length > 0) media.push({ type: 'photo', photo_refs: topic.imageIds.map((id) => `group_photo:${id}`) });
  if (topic.link) media.push({ type: 'link', url: topic.link });
  return media;
}

function liveTopic(group: OkGroup, topicId: string): OkTopic | undefined {
  return group.topics.find((t) => t.id === topicId && !t.deletedAt);
}

export const OK_METHOD_HANDLERS: Readonly<Record<string, OkHandler>> = {
  'users.getCurrentUser': (_ctx, call) => {
    const [first, ...rest] = call.token.name.split(' ');
    return { result: { uid: call.token.uid, name: call.token.name, first_name: first, last_name: rest.join(' ') } };
  },

  'group.getInfo': (ctx, call) => ({
    result: call.fields['uids']
      .split(',')
      .map((gid) => ctx.store.ok.groups.get(gid.trim()))
      .filter((g): g is OkGroup => Boolean(g))
      .map((g) => ({ uid: g.gid, name: g.name })),
  }),

  'group.getUserGroupsByIds': (ctx, call) => {
    const gid = call.fields['group_id'];
    if (!ctx.store.ok.groups.has(gid)) return { error: 160, message: `PARAM_GROUP_ID : Invalid group id ${gid}` };
    const uids = call.fields['uids'].split(',').map((u) => u.trim());
    const answer = uids.map((uid) => {
      const token = [...ctx.store.ok.tokens.values()].find((t) => t.uid === uid);
      return { group_id: gid, uid, status: token?.roles.get(gid) ?? 'UNKNOWN' };
    });
    return { result: answer };
  },

  /**
   * The user's groups, `count` at a time (at most 100) after the `anchor` of the previous page:
   * `{groups: [{groupId, userId, status}], anchor}`. The sandbox knows a user's groups from his roles.
   */
  'group.getUserGroupsV2': (ctx, call) => {
    const uid = call.fields['uid'] ?? call.token.uid;
    const count = Number(call.fields['count'] ?? 100);
    if (!Number.isInteger(count) || count < 1 || count > 100) return param('count must be 1..100');
    if (call.fields['direction'] !== undefined && !['FORWARD', 'BACKWARD', 'AROUND'].includes(call.fields['direction'])) return param('direction must be FORWARD, BACKWARD or AROUND');
    const roles = uid === call.token.uid ? call.token.roles : ([...ctx.store.ok.tokens.values()].find((t) => t.uid === uid)?.roles ?? new Map<string, string>());
    const all = [...roles.entries()].filter(([gid]) => ctx.store.ok.groups.has(gid)).sort(([a], [b]) => a.localeCompare(b));
    const start = call.fields['anchor'] ? Number(Buffer.from(call.fields['anchor'], 'base64url').toString('utf8')) : 0;
    if (!Number.isInteger(start) || start < 0) return param('anchor is invalid');
    const page = all.slice(start, start + count);
    const anchor = Buffer.from(String(start + page.length), 'utf8').toString('base64url');
    return { result: { groups: page.map(([gid, status]) => ({ groupId: gid, userId: uid, status })), anchor } };
  },

  'photosV2.getUploadUrl': (ctx, call) => {
    const group = postingGroup(ctx, call, call.fields['gid']);
    if ('error' in group) return group;
    const count = Number(call.fields['count'] ?? 1);
    if (!Number.isInteger(count) || count < 1 || count > MAX_PHOTOS_PER_UPLOAD) return param(`count must be 1..${MAX_PHOTOS_PER_UPLOAD}`);
    const photoIds = Array.from({ length: count }, () => ctx.store.nextId('okph'));
    const ticket = ctx.store.nextId('okup');
    ctx.store.ok.uploadTickets.set(ticket, { gid: group.gid, uid: call.token.uid, photoIds });
    return { result: { upload_url: `${call.baseUrl}/ok/upload/${ticket}`, photo_ids: photoIds, expires_ms: call.now + 3_600_000 } };
  },

  'mediatopic.post': (ctx, call) => {
    if (call.fields['type'] !== 'GROUP_THEME') return param('type must be GROUP_THEME (the sandbox emulates group topics)');
    const group = postingGroup(ctx, call, call.fields['gid']);
    if ('error' in group) return group;
    const parsed = parseAttachment(ctx, group.gid, call.fields['attachment']);
    if ('error' in parsed) return parsed;
    const topic: OkTopic = { id: String(group.nextTopicId++), gid: group.gid, ...parsed, byUid: call.token.uid, createdAt: call.now };
    group.topics.push(topic);
    return { result: topic.id };
  },

  /**
   * A group's live topics, newest first, `count` (1..100, default 20) at a time after `anchor`.
   * Any valid token may read (the sandbox's groups are open). Media as posted: the text, the
   * photos as `photo_refs`, the link.
   */
  'mediatopic.getTopics': (ctx, call) => {
    const gid = call.fields['gid'];
    const group = ctx.store.ok.groups.get(gid);
    if (!group) return { error: 160, message: `PARAM_GROUP_ID : Invalid group id ${gid}` };
    const count = Number(call.fields['count'] ?? 20);
    if (!Number.isInteger(count) || count < 1 || count > MAX_TOPICS_PER_PAGE) return param(`count must be 1..${MAX_TOPICS_PER_PAGE}`);
    if (call.fields['direction'] !== undefined && call.fields['direction'] !== 'FORWARD') return param('direction: the sandbox pages FORWARD (towards older topics) only');
    const start = call.fields['anchor'] ? Number(Buffer.from(call.fields['anchor'], 'base64url').toString('utf8')) : 0;
    if (!Number.isInteger(start) || start < 0) return param('anchor is invalid');
    const live = group.topics.filter((t) => !t.deletedAt).sort((a, b) => b.createdAt - a.createdAt || Number(b.id) - Number(a.id));
    const page = live.slice(start, start + count);
    return {
      result: {
        media_topics: page.map((t) => ({ id: t.id, created_ms: t.createdAt, author_ref: `group:${group.gid}`, owner_ref: `group:${group.gid}`, media: topicMedia(t) })),
        anchor: Buffer.from(String(start + page.length), 'utf8').toString('base64url'),
        has_more: start + page.length < live.length,
      },
    };
  },

  'mediatopic.edit': (ctx, call) => {
    const group = postingGroup(ctx, call, call.fields['gid']);
    if ('error' in group) return group;
    const topic = liveTopic(group, call.fields['topic_id']);
    if (!topic) return { error: 300, message: 'NOT_FOUND : topic not found' };
    const parsed = parseAttachment(ctx, group.gid, call.fields['attachment']);
    if ('error' in parsed) return parsed;
    Object.assign(topic, { text: parsed.text, imageIds: parsed.imageIds, link: parsed.link, editedAt: call.now });
    return { result: true };
  },

  'mediatopic.deleteTopic': (ctx, call) => {
    const group = postingGroup(ctx, call, call.fields['gid']);
    if ('error' in group) return group;
    const topic = liveTopic(group, call.fields['topic_id']);
    if (!topic) return { error: 300, message: 'NOT_FOUND : topic not found' };
    topic.deletedAt = call.now;
    return { result: true };
  },
};
