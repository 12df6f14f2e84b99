import type { ChannelView, OrganizationView, Platform } from '@vestnik/contracts';
import type { OrganizationNode } from '@vestnik/editor/data-access';
import { testTranslator } from '@vestnik/editor/i18n/testing';
import {
  channelCounts,
  channelMatches,
  channelPageUrl,
  daysLeftText,
  formatDay,
  formatWhen,
  groupChannels,
  healthSummary,
  NO_FILTER,
  stateFilterLabel,
  subtreeOrder,
  tokenExpiry,
} from './channel-list';

const ru = testTranslator('ru');
const en = testTranslator('en');
/** Names sorted as the editor's `I18n.collator()` sorts them in Russian. */
const RU_ORDER = new Intl.Collator('ru-RU', { sensitivity: 'base', numeric: true });

const NOW = new Date('2026-03-10T00:00:00.000Z');
const inDays = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();

let nextId = 0;
function channel(partial: Partial<Omit<ChannelView, 'health'>> & { health?: Partial<ChannelView['health']> } = {}): ChannelView {
  const { health, ...rest } = partial;
  nextId += 1;
  return {
    id: `c${nextId}`,
    organizationId: 'root',
    platform: 'vk' as Platform,
    name: `Канал ${nextId}`,
    target: `club${nextId}`,
    remoteTargetId: String(nextId),
    displayName: null,
    health: { state: 'active', lastVerifiedAt: null, lastError: null, tokenExpiresAt: null, tokenRenewable: false, canPost: true, ...health },
    weeklyMinimum: null,
    rubricMix: null,
    lastPublishedAt: null,
    upcomingPublications: 0,
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    ...rest,
  };
}

function organization(id: string, name: string, parentId: string | null, archived = false): OrganizationView {
  return {
    id,
    name,
    parentId,
    timezone: 'Asia/Sakhalin',
    ownTimezone: null,
    archived,
    requireAdminTotp: false,
    allowSelfApproval: false,
    requireFourEyesInSubtree: false,
    fourEyes: { selfApprovalAllowed: false, requiredBy: null },
    myRole: 'admin',
    createdAt: NOW.toISOString(),
  };
}

const ORGANIZATIONS = [
  organization('root', 'Министерство образования', null),
  organization('d2', 'Южный район', 'root'),
  organization('d1', 'Северный район', 'root'),
  organization('s1', 'Школа №1', 'd1'),
  organization('old', 'Старая комиссия', 'root', true),
  organization('other', 'Другая область', null),
];
/** The tree as `CurrentOrganization.tree()` gives it: children sorted by name. */
const node = (id: string, children: OrganizationNode[] = []): OrganizationNode => ({ organization: ORGANIZATIONS.find((o) => o.id === id) as OrganizationView, children });
const TREE: OrganizationNode[] = [node('other'), node('root', [node('d1', [node('s1')]), node('old'), node('d2')])];

describe('the order of organizations on the channels page', () => {
  it('walks the chosen subtree depth first, by name, archived ones included', () => {
    expect(subtreeOrder(TREE, 'root').map((o) => [o.name, o.depth])).toEqual([
      ['Министерство образования', 0],
      ['Северный район', 1],
      ['Школа №1', 2],
      ['Старая комиссия', 1],
      ['Южный район', 1],
    ]);
    expect(subtreeOrder(TREE, 'd1').map((o) => o.id)).toEqual(['d1', 's1']);
    expect(subtreeOrder(TREE, 'missing')).toEqual([]);
  });
});

describe('grouping and filtering channels', () => {
  const order = subtreeOrder(TREE, 'root');
  const vkSchool = channel({ organizationId: 's1', name: 'ВКонтакте школы', displayName: 'Школа №1 г. Северного' });
  const tgSouth = channel({ organizationId: 'd2', platform: 'telegram', name: 'Телеграм района', target: '@yug_rayon', health: { state: 'needs_attention', canPost: false, lastError: 'бот не администратор канала' } });
  const okRoot = channel({ organizationId: 'root', platform: 'ok', name: 'ОК министерства', health: { state: 'disabled' } });
  const vkRoot = channel({ organizationId: 'root', name: 'Ёлка министерства', health: { tokenExpiresAt: inDays(3) } });
  const stray = channel({ organizationId: 'gone', name: 'Канал без организации' });
  const all = [vkSchool, tgSouth, okRoot, vkRoot, stray];

  it('groups by organization in the tree order, channels by name, unknown organizations last', () => {
    const groups = groupChannels(all, order, NO_FILTER, NOW, ru, RU_ORDER);
    expect(groups.map((g) => [g.organization?.name ?? null, g.channels.map((c) => c.name)])).toEqual([
      ['Министерство образования', ['Ёлка министерства', 'ОК министерства']],
      ['Школа №1', ['ВКонтакте школы']],
      ['Южный район', ['Телеграм района']],
      [null, ['Канал без организации']],
    ]);
  });

  it('finds by any word of the name, the page name, the address or the organization, ё or е, any case', () => {
    const names = (text: string, t = ru) => groupChannels(all, order, { ...NO_FILTER, text }, NOW, t, RU_ORDER).flatMap((g) => g.channels.map((c) => c.name));
    expect(names('елка')).toEqual(['Ёлка министерства']);
    expect(names('г. северного')).toEqual(['ВКонтакте школы']);
    expect(names('YUG_rayon')).toEqual(['Телеграм района']);
    expect(names('южный телеграм')).toEqual(['Телеграм района']);
    expect(names('министерство ок')).toEqual(['ОК министерства']);
    expect(names('одноклассники')).toEqual(['ОК министерства']);
    expect(names('нет такого')).toEqual([]);
    // The platform by its name as the interface shows it.
    expect(names('одноклассники', en)).toEqual([]);
    expect(names('telegram', en)).toEqual(['Телеграм района']);
  });

  it('filters by platform and by state, with keys that stop working soon as a state of their own', () => {
    const ids = (filter: Partial<typeof NO_FILTER>) => all.filter((c) => channelMatches(c, '', { ...NO_FILTER, ...filter }, NOW, ru)).map((c) => c.id);
    expect(ids({ platform: 'vk' })).toEqual([vkSchool.id, vkRoot.id, stray.id]);
    expect(ids({ state: 'needs_attention' })).toEqual([tgSouth.id]);
    expect(ids({ state: 'disabled', platform: 'ok' })).toEqual([okRoot.id]);
    expect(ids({ state: 'disabled', platform: 'vk' })).toEqual([]);
    expect(ids({ state: 'token_expiring' })).toEqual([vkRoot.id]);
  });

  it('counts each state and the keys to renew', () => {
    expect(channelCounts(all, NOW)).toEqual({ all: 5, active: 3, needs_attention: 1, disabled: 1, token_expiring: 1 });
  });

  it('names the states, the list\'s own one included', () => {
    expect(stateFilterLabel('needs_attention', ru)).toBe('Требует внимания');
    expect(stateFilterLabel('token_expiring', ru)).toBe('Ключ скоро истекает');
    expect(stateFilterLabel('token_expiring', en)).toBe('Key expires soon');
  });

  it('handles hundreds of channels in one pass', () => {
    const many = Array.from({ length: 600 }, (_, i) => channel({ organizationId: ['root', 'd1', 'd2', 's1'][i % 4], name: `Школа ${i}`, target: '@school' }));
    const groups = groupChannels(many, order, { ...NO_FILTER, text: 'школа 59' }, NOW, ru, RU_ORDER);
    // A word matches inside a longer one, as in «59» of «159» and «590».
    expect(groups.flatMap((g) => g.channels)).toHaveLength(16);
    expect(groups.map((g) => g.organization?.id)).toEqual(['root', 'd1', 's1', 'd2']);
    expect(groups.every((g) => g.channels.every((c) => c.organizationId === g.organization?.id && c.name.includes('59')))).toBe(true);
  });
});

describe('the key of a page', () => {
  it('warns within two weeks, says when it has expired, and stays calm about keys Vestnik renews', () => {
    expect(tokenExpiry({ tokenExpiresAt: null, tokenRenewable: false }, NOW)).toEqual({ kind: 'none' });
    expect(tokenExpiry({ tokenExpiresAt: inDays(40), tokenRenewable: false }, NOW)).toMatchObject({ kind: 'valid', days: 40 });
    expect(tokenExpiry({ tokenExpiresAt: inDays(13.5), tokenRenewable: false }, NOW)).toMatchObject({ kind: 'soon', days: 13 });
    expect(tokenExpiry({ tokenExpiresAt: inDays(-1), tokenRenewable: false }, NOW)).toMatchObject({ kind: 'expired' });
    expect(tokenExpiry({ tokenExpiresAt: inDays(0.04), tokenRenewable: true }, NOW)).toMatchObject({ kind: 'renewable' });
  });

  it('reads the days left as people say them', () => {
    expect([0, 1, 2, 5, 11, 21, 22].map((days) => daysLeftText(days, ru))).toEqual(['сегодня', 'завтра', 'через 2 дня', 'через 5 дней', 'через 11 дней', 'через 21 день', 'через 22 дня']);
    expect([0, 1, 2, 21].map((days) => daysLeftText(days, en))).toEqual(['today', 'tomorrow', 'in 2 days', 'in 21 days']);
  });
});

describe('a page on its platform', () => {
  it('links to the VK community, the OK group and a public Telegram channel', () => {
    expect(channelPageUrl({ platform: 'vk', target: 'club218043219', remoteTargetId: '218043219' })).toBe('https://vk.com/club218043219');
    expect(channelPageUrl({ platform: 'vk', target: 'minobr65', remoteTargetId: null })).toBe('https://vk.com/minobr65');
    expect(channelPageUrl({ platform: 'ok', target: '5700001', remoteTargetId: '5700001' })).toBe('https://ok.ru/group/5700001');
    expect(channelPageUrl({ platform: 'telegram', target: '@minobr65', remoteTargetId: '-1001234' })).toBe('https://t.me/minobr65');
    // A private channel known by its number has no address outside Telegram.
    expect(channelPageUrl({ platform: 'telegram', target: '-1001234567890', remoteTargetId: '-1001234567890' })).toBeNull();
  });
});

describe('the health of a page in words', () => {
  it('gives the platform reason as a sentence and what to do about it', () => {
    const broken = healthSummary({ platform: 'telegram', health: { state: 'needs_attention', lastError: 'бот не администратор канала', lastVerifiedAt: null, tokenExpiresAt: null, tokenRenewable: false, canPost: false } }, ru);
    expect(broken).toMatchObject({ label: 'Требует внимания', tone: 'warning', reason: 'Бот не администратор канала.' });
    expect(broken.advice).toContain('Публикация сообщений');
    const unknown = healthSummary({ platform: 'vk', health: { state: 'needs_attention', lastError: null, lastVerifiedAt: null, tokenExpiresAt: null, tokenRenewable: false, canPost: false } }, ru);
    expect(unknown.reason).toMatch(/не подтвердила/);
    expect(healthSummary({ platform: 'ok', health: { state: 'active', lastError: null, lastVerifiedAt: null, tokenExpiresAt: null, tokenRenewable: false, canPost: true } }, ru)).toMatchObject({ label: 'Работает', tone: 'ok', reason: null });
  });

  it('has advice for every platform, MAX included, in both languages', () => {
    const health = { state: 'needs_attention', lastError: null, lastVerifiedAt: null, tokenExpiresAt: null, tokenRenewable: false, canPost: false } as const;
    const max = healthSummary({ platform: 'max', health }, ru);
    expect(max.advice).toMatch(/^Проверьте, что бот остаётся администратором канала/);
    const english = healthSummary({ platform: 'max', health }, en);
    expect(english).toMatchObject({ label: 'Needs attention', reason: 'The platform has not confirmed that Vestnik may publish on this page.' });
    expect(english.advice).toMatch(/^Check that the bot is still an administrator of the channel/);
    // The platform's own words are shown as they came, in any language.
    expect(healthSummary({ platform: 'vk', health: { ...health, lastError: 'доступ запрещён' } }, en).reason).toBe('Доступ запрещён.');
  });
});

describe('times on the page', () => {
  it('reads in the organization\'s zone, with the year only when it is not this one', () => {
    // 23:30 UTC on 9 March is already 10 March on Sakhalin (UTC+11).
    expect(formatWhen('2026-03-09T23:30:00.000Z', 'Asia/Sakhalin', 'ru-RU', NOW)).toBe('10 марта, 10:30');
    expect(formatWhen('2026-03-09T23:30:00.000Z', 'Europe/Moscow', 'ru-RU', NOW)).toBe('10 марта, 02:30');
    expect(formatWhen('2025-12-31T10:05:00.000Z', 'Europe/Moscow', 'ru-RU', NOW)).toBe('31 декабря 2025, 13:05');
    expect(formatDay('2026-08-12T00:00:00.000Z', 'Asia/Sakhalin', 'ru-RU')).toBe('12 августа 2026');
  });

  it('reads in English with the same 24-hour clock', () => {
    expect(formatWhen('2026-03-09T23:30:00.000Z', 'Asia/Sakhalin', 'en-GB', NOW)).toBe('10 March, 10:30');
    expect(formatWhen('2025-12-31T10:05:00.000Z', 'Europe/Moscow', 'en-GB', NOW)).toBe('31 December 2025, 13:05');
    expect(formatDay('2026-08-12T00:00:00.000Z', 'Asia/Sakhalin', 'en-GB')).toBe('12 August 2026');
  });
});
