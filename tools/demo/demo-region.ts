import type { Platform, Role } from '@vestnik/contracts';

/** The demo region: a regional centre, its districts and their schools, hospitals and culture houses. */
export const REGION = { name: 'Администрация Сахалинской области', timezone: 'Asia/Sakhalin' };

export interface DemoOrganization {
  name: string;
  /** The parent's name; the regional centre's districts name `REGION.name`. */
  parent: string;
}

export const ORGANIZATIONS: DemoOrganization[] = [
  { name: 'Администрация города Южно-Сахалинска', parent: REGION.name },
  { name: 'МАОУ Гимназия № 1 г. Южно-Сахалинска', parent: 'Администрация города Южно-Сахалинска' },
  { name: 'ГБУЗ «Городская поликлиника № 1 г. Южно-Сахалинска»', parent: 'Администрация города Южно-Сахалинска' },
  { name: 'МБУК «Дом культуры «Родина»', parent: 'Администрация города Южно-Сахалинска' },
  { name: 'Администрация Корсаковского городского округа', parent: REGION.name },
  { name: 'МАОУ СОШ № 2 г. Корсакова', parent: 'Администрация Корсаковского городского округа' },
  { name: 'ГБУЗ «Корсаковская центральная районная больница»', parent: 'Администрация Корсаковского городского округа' },
  { name: 'МБУК «Корсаковский районный дом культуры»', parent: 'Администрация Корсаковского городского округа' },
  { name: 'Администрация Холмского городского округа', parent: REGION.name },
  { name: 'МБОУ СОШ № 6 г. Холмска', parent: 'Администрация Холмского городского округа' },
  { name: 'МБУК «Холмский городской дом культуры»', parent: 'Администрация Холмского городского округа' },
];

/** Demo accounts: one per role, all in the regional centre (a role holds on the whole subtree). */
export interface DemoPerson {
  role: Role;
  email: string;
  name: string;
}

export const PEOPLE: DemoPerson[] = [
  { role: 'admin', email: 'admin@demo.vestnik.test', name: 'Анна Петрова' },
  { role: 'supervisor', email: 'supervisor@demo.vestnik.test', name: 'Олег Смирнов' },
  { role: 'editor', email: 'editor@demo.vestnik.test', name: 'Ирина Ким' },
  { role: 'viewer', email: 'viewer@demo.vestnik.test', name: 'Сергей Волков' },
];

/** A page of the sandbox and the organization it is connected to, with what a person would paste. */
export interface DemoChannel {
  /** Short key the post plan refers to. */
  key: string;
  platform: Platform;
  organization: string;
  name: string;
  target: string;
  credentials: Record<string, string>;
}

const BOT = { id: 7100000001, token: '7100000001:AAvestnik-demo-bot-token-0001', username: 'vestnik_demo_bot' };
const MAX_BOT = { userId: 7200000001, token: 'max-vestnik-demo-bot-token-0001', username: 'vestnik_demo_max_bot' };

const vk = (key: string, id: number, organization: string, name: string): DemoChannel => ({
  key,
  platform: 'vk',
  organization,
  name,
  target: String(id),
  credentials: { accessToken: `vk1.a.vestnik-demo-${id}` },
});
const ok = (key: string, gid: string, organization: string, name: string): DemoChannel => ({
  key,
  platform: 'ok',
  organization,
  name,
  target: gid,
  credentials: { accessToken: `ok-vestnik-demo-${gid}` },
});
const telegram = (key: string, username: string, organization: string, name: string): DemoChannel => ({
  key,
  platform: 'telegram',
  organization,
  name,
  target: `@${username}`,
  credentials: { botToken: BOT.token },
});

const max = (key: string, link: string, organization: string, name: string): DemoChannel => ({
  key,
  platform: 'max',
  organization,
  name,
  target: link,
  credentials: { botToken: MAX_BOT.token },
});

export const CHANNELS: DemoChannel[] = [
  vk('region-vk', 218100001, REGION.name, 'Правительство Сахалинской области — ВКонтакте'),
  ok('region-ok', '70000100001', REGION.name, 'Правительство Сахалинской области — Одноклассники'),
  telegram('region-tg', 'sakhalin_gov_demo', REGION.name, 'Правительство Сахалинской области — Telegram'),
  max('region-max', 'sakhalin_gov_demo', REGION.name, 'Правительство Сахалинской области — MAX'),
  vk('yuzhno-vk', 218100002, 'Администрация города Южно-Сахалинска', 'Южно-Сахалинск — ВКонтакте'),
  max('yuzhno-max', 'yuzhno_sakhalinsk_demo', 'Администрация города Южно-Сахалинска', 'Южно-Сахалинск — MAX'),
  vk('gymnasium-vk', 218100003, 'МАОУ Гимназия № 1 г. Южно-Сахалинска', 'Гимназия № 1 — ВКонтакте'),
  telegram('polyclinic-tg', 'yuzhno_poliklinika1_demo', 'ГБУЗ «Городская поликлиника № 1 г. Южно-Сахалинска»', 'Поликлиника № 1 — Telegram'),
  vk('rodina-vk', 218100004, 'МБУК «Дом культуры «Родина»', 'ДК «Родина» — ВКонтакте'),
  ok('korsakov-ok', '70000100002', 'Администрация Корсаковского городского округа', 'Корсаковский округ — Одноклассники'),
  telegram('korsakov-tg', 'korsakov_go_demo', 'Администрация Корсаковского городского округа', 'Корсаковский округ — Telegram'),
  telegram('school2-tg', 'korsakov_school2_demo', 'МАОУ СОШ № 2 г. Корсакова', 'СОШ № 2 Корсаков — Telegram'),
  ok('korsakov-dk-ok', '70000100003', 'МБУК «Корсаковский районный дом культуры»', 'Корсаковский РДК — Одноклассники'),
  telegram('kholmsk-tg', 'kholmsk_go_demo', 'Администрация Холмского городского округа', 'Холмский округ — Telegram'),
  ok('kholmsk-dk-ok', '70000100004', 'МБУК «Холмский городской дом культуры»', 'Холмский ГДК — Одноклассники'),
];

/** The channel the failed publication goes to: no post of the published kind targets it. */
export const FAILING_CHANNEL_KEY = 'kholmsk-tg';

/** The OK application the server is configured with and the sandbox knows. */
export const OK_APP = { applicationId: '512000000099', applicationKey: 'CBADEMOOKAPPKEY', applicationSecretKey: 'ok-demo-app-secret-0099' };
export const VK_CLIENT_ID = '51990099';

/**
 * What `POST /control/seed` needs for the pages above to exist in the sandbox. The sandbox keeps
 * nothing between runs, so this is seeded on every start; the tokens are fixed for that reason.
 */
export function sandboxSeed(): Record<string, unknown> {
  const pages = (platform: Platform) => CHANNELS.filter((c) => c.platform === platform);
  return {
    vk: {
      communities: pages('vk').map((c) => ({ id: Number(c.target), name: c.name.replace(/ — ВКонтакте$/, '') })),
      tokens: pages('vk').map((c, i) => ({ token: c.credentials['accessToken'], userId: 600_001 + i, adminOf: [{ groupId: Number(c.target) }] })),
    },
    ok: {
      app: OK_APP,
      groups: pages('ok').map((c) => ({ gid: c.target, name: c.name.replace(/ — Одноклассники$/, '') })),
      tokens: pages('ok').map((c, i) => ({ token: c.credentials['accessToken'], uid: String(570_000_001 + i), name: `Администратор группы ${i + 1}`, roles: { [c.target]: 'ADMIN' } })),
    },
    telegram: {
      bots: [{ token: BOT.token, id: BOT.id, username: BOT.username, firstName: 'Вестник' }],
      channels: pages('telegram').map((c, i) => ({
        id: -1_001_710_000_001 - i,
        username: c.target.slice(1),
        title: c.name.replace(/ — Telegram$/, ''),
        members: [{ botId: BOT.id, status: 'administrator', canPostMessages: true }],
      })),
    },
    max: {
      bots: [{ token: MAX_BOT.token, user_id: MAX_BOT.userId, name: 'Вестник', username: MAX_BOT.username }],
      chats: pages('max').map((c, i) => ({
        chat_id: -72_710_000_001 - i,
        type: 'channel',
        title: c.name.replace(/ — MAX$/, ''),
        link: c.target,
        members: [{ user_id: MAX_BOT.userId, is_admin: true }],
      })),
    },
  };
}
