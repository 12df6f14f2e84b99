import { roleAtLeast, type OAuthPlatform } from '@vestnik/contracts';
import type { Translate } from '@vestnik/editor/i18n';
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

/** Where the person signs in: «VK ID» for VK (its name in every language), the platform's own name for OK. */
export function signInName(platform: OAuthPlatform, t: Translate): string {
  return platform === 'vk' ? 'VK ID' : t('common.platform.name.ok');
}

/** The callback's error codes (`channel-oauth-flow.service.ts`) and their messages under `channels.oauthError`. */
const OAUTH_ERRORS: Readonly<Record<string, string>> = {
  oauth_state_invalid: 'stateInvalid',
  oauth_state_expired: 'stateExpired',
  oauth_browser_mismatch: 'browserMismatch',
  oauth_denied: 'denied',
  oauth_code_missing: 'codeMissing',
  oauth_unavailable: 'unavailable',
  oauth_exchange_failed: 'exchangeFailed',
};

/**
 * The callback's error codes said to a person: what happened and what to do now. Unknown codes
 * still say that it failed.
 */
export function oauthErrorText(code: string, platform: OAuthPlatform | null, t: Translate): { heading: string; text: string } {
  const where = platform ? t('channels.oauthError.where', { platform: t(`common.platform.name.${platform}`) }) : t('channels.oauthError.whereUnknown');
  const known = Object.hasOwn(OAUTH_ERRORS, code) ? OAUTH_ERRORS[code] : null;
  if (!known) return { heading: t('channels.oauthError.unknown.heading'), text: t('channels.oauthError.unknown.text', { code }) };
  return { heading: t(`channels.oauthError.${known}.heading`), text: t(`channels.oauthError.${known}.text`, { where }) };
}
