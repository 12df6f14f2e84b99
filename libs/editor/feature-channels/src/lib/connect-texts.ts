import { roleAtLeast, type OAuthPlatform } from '@vestnik/contracts';
import { PLATFORM_TITLES } from '@vestnik/platforms/rules';
import type { OrganizationEntry } from './channel-list';

/** Organizations of the subtree where the person may connect pages: an admin there, not archived. */
export function connectableOrganizations(order: readonly OrganizationEntry[]): OrganizationEntry[] {
  return order.filter((o) => !o.archived && roleAtLeast(o.organization.myRole, 'admin'));
}

/** «Школа №1» under two levels: indented in a `<select>`, where only text counts. */
export function indentedName(entry: Pick<OrganizationEntry, 'name' | 'depth'>): string {
  return `${'\u00a0\u00a0\u00a0'.repeat(entry.depth)}${entry.name}`;
}

export function isOAuthPlatform(value: string | undefined): value is OAuthPlatform {
  return value === 'vk' || value === 'ok';
}

/** Where the person signs in: «VK ID» for VK, the platform's own name for OK. */
export function signInName(platform: OAuthPlatform): string {
  return platform === 'vk' ? 'VK ID' : PLATFORM_TITLES.ok;
}

/**
 * The callback's error codes (`channel-oauth-flow.service.ts`), said to a person: what happened and
 * what to do now. Unknown codes still say that it failed.
 */
export function oauthErrorText(code: string, platform: OAuthPlatform | null): { heading: string; text: string } {
  const where = platform ? `Площадка ${PLATFORM_TITLES[platform]}` : 'Площадка';
  const restart = 'Начните подключение заново.';
  switch (code) {
    case 'oauth_state_invalid':
      return { heading: 'Ссылка подтверждения уже использована', text: `Этот ответ площадки уже был принят или не найден — например, страницу обновили после подключения. ${restart}` };
    case 'oauth_state_expired':
      return { heading: 'Время на подтверждение истекло', text: `С начала подключения прошло больше 10 минут. ${restart} Подтвердите доступ сразу после входа.` };
    case 'oauth_browser_mismatch':
      return {
        heading: 'Подтверждение пришло в другой браузер',
        text: `Доступ подтвердили не в том браузере (или окне), где начали подключение. ${restart} Входите и подтверждайте доступ в этом же окне браузера.`,
      };
    case 'oauth_denied':
      return {
        heading: 'Доступ не выдан',
        text: `На странице площадки доступ не разрешили. Без него Вестник не сможет публиковать. ${restart} Когда площадка спросит о доступе, нажмите «Разрешить».`,
      };
    case 'oauth_code_missing':
      return { heading: 'Площадка не завершила вход', text: `${where} не передала код подтверждения. ${restart}` };
    case 'oauth_unavailable':
      return {
        heading: 'Подключение через вход на площадке не настроено',
        text: `${where} не настроена на этом сервере для подключения через вход. Обратитесь к администратору Вестника или вставьте ключ доступа вручную (внизу страницы).`,
      };
    case 'oauth_exchange_failed':
      return { heading: 'Площадка не выдала ключ доступа', text: `${where} не выдала Вестнику ключ доступа. Попробуйте ещё раз через несколько минут.` };
    default:
      return { heading: 'Подключить страницу не удалось', text: `Площадка вернула ошибку (${code}). ${restart}` };
  }
}
