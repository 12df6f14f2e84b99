import type { Platform } from './enums';

/**
 * The page itself on the platform, where a person can open it; null when it has no public address
 * (a Telegram or MAX channel known only by its numeric id). Shared by the editor's list and the reports.
 */
export function channelPageUrl(channel: { platform: Platform; target: string; remoteTargetId: string | null }): string | null {
  const target = channel.target.trim();
  switch (channel.platform) {
    case 'vk': {
      const id = channel.remoteTargetId && /^\d+$/.test(channel.remoteTargetId) ? channel.remoteTargetId : /^(?:club|public)?(\d+)$/.exec(target)?.[1];
      if (id) return `https://vk.com/club${id}`;
      return /^[A-Za-z0-9_.]+$/.test(target) ? `https://vk.com/${target}` : null;
    }
    case 'ok': {
      const id = channel.remoteTargetId ?? target;
      return /^\d+$/.test(id) ? `https://ok.ru/group/${id}` : null;
    }
    case 'telegram': {
      const name = /^@?([A-Za-z][A-Za-z0-9_]{3,})$/.exec(target)?.[1];
      return name ? `https://t.me/${name}` : null;
    }
    case 'max': {
      // A public channel's link name; a channel known only by its numeric chat id has no address we know.
      const name = /^(?:https:\/\/max\.ru\/|@)?([A-Za-z][A-Za-z0-9_]{3,})$/.exec(target)?.[1];
      return name ? `https://max.ru/${name}` : null;
    }
  }
}
