import { randomBytes } from 'node:crypto';
import { PLATFORMS, type ChannelView, type Platform } from '@vestnik/contracts';
import { localDateTime } from '../testing/factories';
import { bearer, TestServer } from '../testing/test-server';

export const OK_APP = { applicationKey: 'CBCHAOSAPP', applicationSecretKey: 'chaos-ok-app-secret' };
/** Telegram and MAX channels share a few bots, as ministries do; each bot still has room under its 30 messages/s. */
const TELEGRAM_BOTS = 4;
const MAX_BOTS = 4;

export interface PlannedChannel {
  platform: Platform;
  target: string;
  credentials: Record<string, string>;
}

/** A mix of VK communities, OK groups, Telegram and MAX channels, and the sandbox seed that makes them exist. */
export function planChannels(count: number): { channels: PlannedChannel[]; seed: Record<string, unknown> } {
  const channels: PlannedChannel[] = [];
  const vk = { communities: [] as object[], tokens: [] as object[] };
  const ok = { app: OK_APP, groups: [] as object[], tokens: [] as object[] };
  const bots = Array.from({ length: TELEGRAM_BOTS }, (_, b) => ({ token: `${910_000 + b}:AAchaos-bot-token-${String(b).padStart(12, '0')}`, id: 910_000 + b, username: `chaos_bot_${b}` }));
  const telegram = { bots, channels: [] as object[] };
  const maxBots = Array.from({ length: MAX_BOTS }, (_, b) => ({ token: `max-chaos-bot-token-${String(b).padStart(8, '0')}`, user_id: 920_000 + b, name: `Бот ${b}`, username: `chaos_max_${b}` }));
  const max = { bots: maxBots, chats: [] as object[], attachmentReadyMs: 0 };
  for (let i = 0; i < count; i++) {
    const platform = PLATFORMS[i % PLATFORMS.length];
    if (platform === 'vk') {
      const id = 30_000 + i;
      const token = `vk1.a.chaos-admin-${i}`;
      vk.communities.push({ id, name: `Сообщество ${i}` });
      vk.tokens.push({ token, userId: 50_000 + i, adminOf: [{ groupId: id }] });
      channels.push({ platform, target: String(id), credentials: { accessToken: token } });
    } else if (platform === 'ok') {
      const gid = String(70_000_000 + i);
      const token = `ok-chaos-token-${i}`;
      ok.groups.push({ gid, name: `Группа ${i}` });
      ok.tokens.push({ token, uid: String(60_000 + i), name: `Админ ${i}`, roles: { [gid]: 'ADMIN' } });
      channels.push({ platform, target: gid, credentials: { accessToken: token } });
    } else if (platform === 'max') {
      const chatId = -72_000_000 - i;
      const bot = maxBots[i % MAX_BOTS];
      max.chats.push({ chat_id: chatId, type: 'channel', title: `Канал MAX ${i}`, members: [{ user_id: bot.user_id, is_admin: true }] });
      channels.push({ platform, target: String(chatId), credentials: { botToken: bot.token } });
    } else {
      const id = -1_009_000_000 - i;
      const bot = bots[i % TELEGRAM_BOTS];
      telegram.channels.push({ id, title: `Канал ${i}`, members: [{ botId: bot.id, status: 'administrator', canPostMessages: true }] });
      channels.push({ platform, target: String(id), credentials: { botToken: bot.token } });
    }
  }
  return { channels, seed: { vk, ok, telegram, max } };
}

/** Connects every planned channel through the API (the platform verifies each), a few at a time. */
export async function connectChannels(server: TestServer, admin: string, organizationId: string, planned: PlannedChannel[]): Promise<ChannelView[]> {
  const connected: ChannelView[] = [];
  for (let i = 0; i < planned.length; i += 10) {
    const slice = planned.slice(i, i + 10);
    const views = await Promise.all(
      slice.map(async (c, j) => {
        const res = await server.http.post('/api/v1/channels').set(bearer(admin)).send({ organizationId, name: `Канал ${i + j}`, ...c });
        if (res.status !== 201) throw new Error(`connecting ${c.platform} ${c.target}: ${res.status} ${JSON.stringify(res.body)}`);
        return res.body as ChannelView;
      }),
    );
    connected.push(...views);
  }
  return connected;
}

export interface ApprovedPost {
  id: string;
  /** A word only this post's text holds: maps a platform's stored post back to its publication. */
  marker: string;
}

/**
 * Posts to every channel, written, submitted and approved through the API, then made due now
 * (approval needs a minute's lead, so the schedule is moved by SQL afterwards).
 */
export async function approvedPostsDueNow(server: TestServer, organizationId: string, author: string, approver: string, channelIds: string[], count: number): Promise<ApprovedPost[]> {
  const posts: ApprovedPost[] = [];
  for (let n = 0; n < count; n++) {
    const marker = `chaos${n}x${randomBytes(4).toString('hex')}`;
    const text = `Материал №${n} проверки устойчивости публикации. Метка ${marker}.`;
    const created = await server.http.post('/api/v1/posts').set(bearer(author)).send({ organizationId, rubric: 'official', text, channelIds, scheduledAt: localDateTime(1) });
    if (created.status !== 201) throw new Error(`creating post ${n}: ${created.status} ${JSON.stringify(created.body)}`);
    await server.http.post(`/api/v1/posts/${created.body.id}/submit`).set(bearer(author)).expect(200);
    await server.http.post(`/api/v1/posts/${created.body.id}/approve`).set(bearer(approver)).expect(200);
    posts.push({ id: created.body.id, marker });
  }
  const ids = posts.map((p) => p.id);
  await server.db.dataSource.query(`UPDATE posts SET scheduled_at = now() WHERE id = ANY($1)`, [ids]);
  await server.db.dataSource.query(`UPDATE publications SET next_attempt_at = now() WHERE post_id = ANY($1)`, [ids]);
  return posts;
}
