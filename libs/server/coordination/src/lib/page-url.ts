import type { Platform } from '@vestnik/contracts';

/**
 * The public address of a page, from what was entered and what the platform resolved; null when it
 * cannot be told (the editor's channel list reads it the same way).
 */
export function pageUrl(platform: Platform, target: string, remoteTargetId: string | null): string | null {
  const entered = target.trim();
  switch (platform) {
    case 'vk': {
      const id = remoteTargetId && /^\d+$/.test(remoteTargetId) ? remoteTargetId : /^(?:club|public)?(\d+)$/.exec(entered)?.[1];
      if (id) return `https://vk.com/club${id}`;
      return /^[A-Za-z0-9_.]+$/.test(entered) ? `https://vk.com/${entered}` : null;
    }
    case 'ok': {
      const id = remoteTargetId ?? entered;
      return /^\d+$/.test(id) ? `https://ok.ru/group/${id}` : null;
    }
    case 'telegram': {
      const name = /^@?([A-Za-z][A-Za-z0-9_]{3,})$/.exec(entered)?.[1];
      return name ? `https://t.me/${name}` : null;
    }
  }
}
