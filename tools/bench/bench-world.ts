import type { ChannelDescriptor } from '@vestnik/platforms/core';

export const OK_APP = { applicationKey: 'CBBENCHAPP', applicationSecretKey: 'bench-ok-app-secret' };
/** Telegram channels per bot: a ministry's bot posts to its schools' channels. */
const CHATS_PER_BOT = 10;

/** The pages of the run: a third each on VK, OK and Telegram, with the sandbox seed that makes them exist. */
export interface BenchWorld {
  channels: ChannelDescriptor[];
  seed: Record<string, unknown>;
}

/** `chatsPerBot` 1 gives every Telegram channel a bot of its own (no shared pace between pages). */
export function planWorld(count: number, chatsPerBot = CHATS_PER_BOT): BenchWorld {
  const channels: ChannelDescriptor[] = [];
  const vk = { communities: [] as object[], tokens: [] as object[] };
  const ok = { app: OK_APP, groups: [] as object[], tokens: [] as object[] };
  const telegram = { bots: [] as { token: string; id: number; username: string }[], channels: [] as object[] };
  for (let i = 0; i < count; i++) {
    switch (i % 3) {
      case 0: {
        const id = 100_000 + i;
        const accessToken = `vk1.a.bench-admin-${i}`;
        vk.communities.push({ id, name: `Сообщество ${i}` });
        vk.tokens.push({ token: accessToken, userId: 200_000 + i, adminOf: [{ groupId: id }] });
        channels.push({ platform: 'vk', target: String(id), credentials: { accessToken } });
        break;
      }
      case 1: {
        const gid = String(80_000_000 + i);
        const accessToken = `ok-bench-token-${i}`;
        ok.groups.push({ gid, name: `Группа ${i}` });
        ok.tokens.push({ token: accessToken, uid: String(300_000 + i), name: `Админ ${i}`, roles: { [gid]: 'ADMIN' } });
        channels.push({ platform: 'ok', target: gid, credentials: { accessToken } });
        break;
      }
      default: {
        const chat = Math.floor(i / 3);
        if (chat % chatsPerBot === 0) {
          const id = 920_000 + telegram.bots.length;
          telegram.bots.push({ token: `${id}:AAbench-bot-token-${String(id).padStart(12, '0')}`, id, username: `bench_bot_${id}` });
        }
        const bot = telegram.bots[telegram.bots.length - 1];
        const id = -1_008_000_000 - i;
        telegram.channels.push({ id, title: `Канал ${i}`, members: [{ botId: bot.id, status: 'administrator', canPostMessages: true }] });
        channels.push({ platform: 'telegram', target: String(id), credentials: { botToken: bot.token } });
      }
    }
  }
  return { channels, seed: { vk, ok, telegram } };
}
