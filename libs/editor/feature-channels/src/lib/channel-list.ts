import type { ChannelHealth, ChannelState, ChannelView, OrganizationView, Platform } from '@vestnik/contracts';
import type { OrganizationNode } from '@vestnik/editor/data-access';
import type { Translate } from '@vestnik/editor/i18n';

/** A key that stops working within this many days is worth a warning: time to ask for a new one. */
export const TOKEN_WARNING_DAYS = 14;
const DAY_MS = 86_400_000;

/** The list's states, with one more than the server's: keys that stop working soon. */
export type StateFilter = ChannelState | 'token_expiring';

/** The name of a state on the list: the server's states as everywhere, and the list's own. */
export function stateFilterLabel(state: StateFilter, t: Translate): string {
  return state === 'token_expiring' ? t('channels.list.tokenExpiring') : t(`common.channelState.${state}`);
}

export interface ChannelFilter {
  /** Words to find in the channel's name, the page's name or address, or its organization's name. */
  text: string;
  platform: Platform | '';
  state: StateFilter | '';
}

export const NO_FILTER: ChannelFilter = { text: '', platform: '', state: '' };

/** When the platform's key stops working, as people need to know it. */
export type TokenExpiry =
  | { kind: 'none' }
  | { kind: 'renewable'; at: string }
  | { kind: 'valid'; at: string; days: number }
  | { kind: 'soon'; at: string; days: number }
  | { kind: 'expired'; at: string };

export function tokenExpiry(health: Pick<ChannelHealth, 'tokenExpiresAt' | 'tokenRenewable'>, now: Date): TokenExpiry {
  const at = health.tokenExpiresAt;
  if (!at) return { kind: 'none' };
  if (health.tokenRenewable) return { kind: 'renewable', at };
  const left = new Date(at).getTime() - now.getTime();
  if (Number.isNaN(left)) return { kind: 'none' };
  if (left <= 0) return { kind: 'expired', at };
  const days = Math.floor(left / DAY_MS);
  return days < TOKEN_WARNING_DAYS ? { kind: 'soon', at, days } : { kind: 'valid', at, days };
}

function tokenNeedsPerson(channel: ChannelView, now: Date): boolean {
  const kind = tokenExpiry(channel.health, now).kind;
  return kind === 'soon' || kind === 'expired';
}

/** Lower case, «ё» as «е», spaces squeezed: how people type what they look for. */
export function searchable(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim(); // i18n-exempt: folding «ё» into «е» for the search
}

/** Every word typed must occur in the channel's names, address or organization, or the platform's name as shown. */
export function channelMatches(channel: ChannelView, organizationName: string, filter: ChannelFilter, now: Date, t: Translate): boolean {
  if (filter.platform && channel.platform !== filter.platform) return false;
  if (filter.state === 'token_expiring') {
    if (!tokenNeedsPerson(channel, now)) return false;
  } else if (filter.state && channel.health.state !== filter.state) {
    return false;
  }
  const words = searchable(filter.text).split(' ').filter(Boolean);
  if (!words.length) return true;
  const haystack = searchable([channel.name, channel.displayName ?? '', channel.target, organizationName, t(`common.platform.name.${channel.platform}`)].join(' '));
  return words.every((w) => haystack.includes(w));
}

export interface ChannelCounts {
  all: number;
  active: number;
  needs_attention: number;
  disabled: number;
  token_expiring: number;
}

export function channelCounts(channels: readonly ChannelView[], now: Date): ChannelCounts {
  const counts: ChannelCounts = { all: channels.length, active: 0, needs_attention: 0, disabled: 0, token_expiring: 0 };
  for (const c of channels) {
    counts[c.health.state] += 1;
    if (tokenNeedsPerson(c, now)) counts.token_expiring += 1;
  }
  return counts;
}

/** An organization of the shown subtree, in the order of the tree (parents before children, by name). */
export interface OrganizationEntry {
  id: string;
  name: string;
  /** 0 for the organization the page was opened for. */
  depth: number;
  archived: boolean;
  /** The caller's role there (held there or above). */
  organization: OrganizationView;
}

/** The subtree of `rootId`, depth first, from the tree of every organization the caller sees. */
export function subtreeOrder(tree: readonly OrganizationNode[], rootId: string): OrganizationEntry[] {
  const find = (nodes: readonly OrganizationNode[]): OrganizationNode | null => {
    for (const n of nodes) {
      if (n.organization.id === rootId) return n;
      const inner = find(n.children);
      if (inner) return inner;
    }
    return null;
  };
  const root = find(tree);
  const order: OrganizationEntry[] = [];
  const walk = (node: OrganizationNode, depth: number) => {
    const o = node.organization;
    order.push({ id: o.id, name: o.name, depth, archived: o.archived, organization: o });
    node.children.forEach((child) => walk(child, depth + 1));
  };
  if (root) walk(root, 0);
  return order;
}

export interface ChannelGroup {
  /** Null for channels of an organization the caller cannot see any more (kept, not hidden). */
  organization: OrganizationEntry | null;
  channels: ChannelView[];
}

/**
 * The channels that pass the filter, grouped by organization in the tree's order; organizations
 * without a matching channel are left out, channels within one sorted by name (`byName`: the
 * `I18n`'s collator, the interface language's order).
 */
export function groupChannels(
  channels: readonly ChannelView[],
  order: readonly OrganizationEntry[],
  filter: ChannelFilter,
  now: Date,
  t: Translate,
  byName: Intl.Collator,
): ChannelGroup[] {
  const entries = new Map(order.map((o) => [o.id, o]));
  const buckets = new Map<string, ChannelView[]>();
  for (const c of channels) {
    if (!channelMatches(c, entries.get(c.organizationId)?.name ?? '', filter, now, t)) continue;
    const bucket = buckets.get(c.organizationId);
    if (bucket) bucket.push(c);
    else buckets.set(c.organizationId, [c]);
  }
  const groups: ChannelGroup[] = [];
  for (const entry of order) {
    const list = buckets.get(entry.id);
    if (!list) continue;
    buckets.delete(entry.id);
    groups.push({ organization: entry, channels: list.sort((a, b) => byName.compare(a.name, b.name)) });
  }
  const rest = [...buckets.values()].flat();
  if (rest.length) groups.push({ organization: null, channels: rest.sort((a, b) => byName.compare(a.name, b.name)) });
  return groups;
}

/** The page itself on the platform (one function for the editor and the reports, in the contracts). */
export { channelPageUrl } from '@vestnik/contracts';

/** How the page's state reads on the list: its label, a tone for the badge, the reason and what to do. */
export interface HealthSummary {
  label: string;
  tone: 'ok' | 'warning' | 'off';
  reason: string | null;
  advice: string | null;
}

/** What to do about a page that needs attention: each platform's advice is under `channels.health.advice.<platform>`. */
export function healthSummary(channel: Pick<ChannelView, 'platform' | 'health'>, t: Translate): HealthSummary {
  const { state, lastError } = channel.health;
  // The platform's own words are data: shown as they came, only made a sentence.
  const reason = lastError ? sentence(lastError) : null;
  const label = t(`common.channelState.${state}`);
  switch (state) {
    case 'active':
      return { label, tone: 'ok', reason: null, advice: null };
    case 'needs_attention':
      return {
        label,
        tone: 'warning',
        reason: reason ?? t('channels.health.unconfirmed'),
        advice: t(`channels.health.advice.${channel.platform}`),
      };
    case 'disabled':
      return { label, tone: 'off', reason, advice: t('channels.health.disabledAdvice') };
  }
}

/** The platform's words as a sentence: capital first letter, a full stop at the end. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const first = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(first) ? first : `${first}.`;
}

/** «через 5 дней», «завтра», «сегодня»: how far off a key's expiry is. */
export function daysLeftText(days: number, t: Translate): string {
  if (days <= 0) return t('channels.token.today');
  if (days === 1) return t('channels.token.tomorrow');
  return t('channels.token.inDays', { days: t('common.count.days', { count: days }) });
}

function zonedParts(date: Date, timeZone: string, locale: string): Record<'day' | 'month' | 'year' | 'hour' | 'minute', string> {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: get('day'), month: get('month'), year: get('year'), hour: get('hour'), minute: get('minute') };
}

/** «5 марта, 12:30» («5 March, 12:30») in the zone, written in `locale` (the `I18n`'s); the year is said when it is not this year's. */
export function formatWhen(iso: string, timeZone: string, locale: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = zonedParts(date, timeZone, locale);
  const year = p.year === zonedParts(now, timeZone, locale).year ? '' : ` ${p.year}`;
  return `${p.day} ${p.month}${year}, ${p.hour}:${p.minute}`;
}

/** «5 марта 2026» («5 March 2026») in the zone, written in `locale`. */
export function formatDay(iso: string, timeZone: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = zonedParts(date, timeZone, locale);
  return `${p.day} ${p.month} ${p.year}`;
}
