import { APIRequestContext, expect, Page, test } from '@playwright/test';
import type { LoginResponse, PostView } from '@vestnik/contracts';
import { ADMIN, ROOT_TIME_ZONE } from './support/accounts';
import { expectAccessible } from './support/axe';
import { png } from './support/images';
import { saveScreenshot, screenshotWhole, signIn, signOut } from './support/pages';
import { communityChoice, connectThroughVkId, SANDBOX_OK_APP, sandboxUrl, seedSandbox } from './support/sandbox';

/**
 * The whole chain in the browser, as the issue tells it: an admin connects a Telegram channel, a MAX
 * channel and a VK community (through the sandbox's VK ID consent page) → an editor composes a post with an image →
 * a supervisor returns it with a comment, sees what the editor changed and approves → the worker
 * publishes it to the sandbox and the editor sees it published with the posts' addresses; a failed
 * publication is found in the attention list and published again. Every editor page met on the way is
 * checked with axe-core. Pages and people of this spec are its own (names no other spec uses).
 */

const BOT = { token: '880901:AAe2e-chain-bot-token-000000001', id: 880901, username: 'vestnik_chain_bot' };
const TELEGRAM_CHANNEL = { id: -1008809001, username: 'e2e_chain_district', title: 'Администрация района (цепочка)' };
const VK_ACCOUNT = { id: 88091, name: 'Ольга Связистова' };
const VK_COMMUNITY = { id: 880901, name: 'Администрация района ВКонтакте (цепочка)' };
const OK_GROUP = { gid: '5880901', name: 'Администрация района в ОК (цепочка)' };
const OK_TOKEN = 'ok-e2e-chain-token-0001';
const TELEGRAM_PAGE = 'Телеграм района (цепочка)';
const VK_PAGE = 'ВКонтакте района (цепочка)';
const OK_PAGE = 'Одноклассники района (цепочка)';
const MAX_BOT = { token: 'max-e2e-chain-bot-token-0001', user_id: 880902, name: 'Бот района', username: 'chain_max_bot' };
const MAX_CHANNEL = { chat_id: -72880901, type: 'channel', title: 'Администрация района в MAX (цепочка)', link: 'e2e_chain_district' };
const MAX_PAGE = 'MAX района (цепочка)';

const EDITOR = { email: 'chain-editor@vestnik.test', name: 'Егор Редакторов', password: 'пароль-редактора-цепочки' };
const SUPERVISOR = { email: 'chain-supervisor@vestnik.test', name: 'Софья Руководова', password: 'пароль-руководителя-цепочки' };

const FIRST_TEXT = 'Уважаемые жители! В субботу в 10:00 в доме культуры пройдёт приём граждан главой района.';
const SECOND_TEXT = 'Уважаемые жители! В субботу в 10:00 в доме культуры пройдёт приём граждан главой района. Запись по телефону 8 (4242) 00-00-00.';
const REJECT_COMMENT = 'Добавьте, как записаться на приём.';

test.describe.configure({ mode: 'serial' });

/** Shared between the steps of this serial spec. */
const state: { postId?: string; scheduledAt?: number } = {};

/** `YYYY-MM-DDTHH:mm` in the root organization's zone, as the composer's time field takes it. */
function localTime(ms: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: ROOT_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

async function apiLogin(request: APIRequestContext, who: { email: string; password: string }): Promise<{ headers: Record<string, string>; body: LoginResponse }> {
  const res = await request.post('/api/v1/auth/login', { data: { email: who.email, password: who.password } });
  expect(res.status(), await res.text()).toBe(200);
  const body = (await res.json()) as LoginResponse;
  return { headers: { Authorization: `Bearer ${body.accessToken}` }, body };
}

async function rootId(request: APIRequestContext): Promise<string> {
  return (await apiLogin(request, ADMIN)).body.user.memberships[0].organizationId;
}

/** The person joins the root organization by an invitation the admin makes (the invitation UI has its own spec). */
async function join(page: Page, request: APIRequestContext, who: typeof EDITOR, role: string): Promise<void> {
  const { headers } = await apiLogin(request, ADMIN);
  const root = await rootId(request);
  const invited = await request.post(`/api/v1/organizations/${root}/members`, { headers, data: { email: who.email, role } });
  expect(invited.status(), await invited.text()).toBe(201);
  const path = new URL(((await invited.json()) as { inviteUrl: string }).inviteUrl).pathname;
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: 'Приглашение в Вестник' })).toBeVisible();
  await expectAccessible(page, 'invitation page');
  await page.getByLabel('Имя и фамилия').fill(who.name);
  await page.getByLabel('Новый пароль').fill(who.password);
  await page.getByLabel('Пароль ещё раз').fill(who.password);
  await page.getByRole('button', { name: 'Создать учётную запись и войти' }).click();
  await expect(page).not.toHaveURL(/\/invite\//);
  await signOut(page);
}

async function sandboxFeed(platform: 'vk' | 'ok' | 'telegram' | 'max', target: string): Promise<{ id: string; text: string; imageUrls: string[] }[]> {
  const res = await fetch(`${sandboxUrl()}/control/posts/${platform}/${encodeURIComponent(target)}`);
  if (!res.ok) throw new Error(`sandbox feed ${platform}/${target} → ${res.status}`);
  return ((await res.json()) as { posts: { id: string; text: string; imageUrls: string[] }[] }).posts;
}

test.beforeAll(async () => {
  await seedSandbox({
    vk: { communities: [VK_COMMUNITY], users: [{ ...VK_ACCOUNT, adminOf: [{ groupId: VK_COMMUNITY.id }] }] },
    ok: { app: SANDBOX_OK_APP, groups: [OK_GROUP], tokens: [{ token: OK_TOKEN, uid: '88092', name: 'Админ ОК', roles: { [OK_GROUP.gid]: 'ADMIN' } }] },
    telegram: { bots: [BOT], channels: [{ ...TELEGRAM_CHANNEL, members: [{ botId: BOT.id, status: 'administrator', canPostMessages: true }] }] },
    max: { bots: [MAX_BOT], chats: [{ ...MAX_CHANNEL, members: [{ user_id: MAX_BOT.user_id, is_admin: true }] }] },
  });
});

test('an admin connects a Telegram and a MAX channel by their bots and a VK community through VK ID', async ({ page, request }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expectAccessible(page, 'organizations page');
  await page.getByRole('navigation', { name: 'Основные разделы' }).getByRole('link', { name: 'Каналы' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, 'channels page');
  await page.getByRole('link', { name: /^Подключить (первую )?страницу$/ }).first().click();
  await expect(page).toHaveURL(/\/channels\/connect$/);
  await expect(page.getByText('Откройте в Telegram бота @BotFather')).toBeVisible();
  await expectAccessible(page, 'connect page');

  const telegram = page.getByRole('form', { name: 'Подключение канала Telegram' });
  await telegram.getByLabel('Адрес канала').fill(`@${TELEGRAM_CHANNEL.username}`);
  await telegram.getByLabel('Название в Вестнике').fill(TELEGRAM_PAGE);
  await telegram.getByLabel('Токен бота').fill(BOT.token);
  await telegram.getByRole('button', { name: 'Подключить канал' }).click();
  await expect(page.getByText(`Страница «${TELEGRAM_PAGE}» (Telegram: ${TELEGRAM_CHANNEL.title}) подключена`)).toBeVisible();

  // A MAX channel the same way, by its public link and the bot's token.
  const max = page.getByRole('form', { name: 'Подключение канала MAX' });
  await max.getByLabel('Адрес канала').fill(`https://max.ru/${MAX_CHANNEL.link}`);
  await max.getByLabel('Название в Вестнике').fill(MAX_PAGE);
  await max.getByLabel('Токен бота').fill(MAX_BOT.token);
  await max.getByRole('button', { name: 'Подключить канал' }).click();
  await expect(page.getByText(`Страница «${MAX_PAGE}» (MAX: ${MAX_CHANNEL.title}) подключена`)).toBeVisible();

  await connectThroughVkId(page, VK_ACCOUNT.name);
  await expectAccessible(page, 'VK community choice');
  await communityChoice(page, VK_COMMUNITY.name).check();
  await page.getByRole('group', { name: `Подключение: ${VK_COMMUNITY.name}` }).getByLabel('Название в Вестнике').fill(VK_PAGE);
  await page.getByRole('button', { name: 'Подключить сообщество' }).click();
  await expect(page.getByText(/Подключена как «ВКонтакте района \(цепочка\)»/)).toBeVisible();

  // The OK group by a pasted token, through the API: the OAuth way is the VK one's twin.
  const { headers } = await apiLogin(request, ADMIN);
  const ok = await request.post('/api/v1/channels', {
    headers,
    data: { organizationId: await rootId(request), platform: 'ok', name: OK_PAGE, target: OK_GROUP.gid, credentials: { accessToken: OK_TOKEN } },
  });
  expect(ok.status(), await ok.text()).toBe(201);

  await page.goto('/channels');
  const table = page.getByRole('table', { name: 'Каналы, по организациям' });
  for (const name of [TELEGRAM_PAGE, VK_PAGE, OK_PAGE, MAX_PAGE]) await expect(table.getByRole('row').filter({ hasText: name })).toContainText('Работает');
  await saveScreenshot(page, 'channels');

  // A notice's link to one page (/channels/<id>) opens the list with that page marked.
  const listed = (await (await request.get(`/api/v1/channels?organizationId=${await rootId(request)}`, { headers })).json()) as { id: string; name: string }[];
  await page.goto(`/channels/${listed.find((c) => c.name === VK_PAGE)?.id}`);
  await expect(page).toHaveURL(/\/channels\?channel=/);
  await expect(table.locator('tr[aria-current="true"]')).toContainText(VK_PAGE);
});

test('an editor and a supervisor join by invitation', async ({ page, request }) => {
  await join(page, request, EDITOR, 'editor');
  await join(page, request, SUPERVISOR, 'supervisor');
});

test('the editor composes a post with an image for the four pages, sees four previews and submits it', async ({ page }) => {
  await signIn(page, EDITOR.email, EDITOR.password);
  await page.goto('/posts');
  await expectAccessible(page, 'posts list');
  await page.getByRole('link', { name: 'Новый материал' }).first().click();
  await expect(page).toHaveURL(/\/posts\/new$/);
  await expectAccessible(page, 'empty composer');

  await page.getByRole('textbox', { name: 'Общий текст' }).fill(FIRST_TEXT);
  await page.locator('#media-upload').setInputFiles({ name: 'приём.png', mimeType: 'image/png', buffer: png(200, 150) });
  await expect(page.getByText('1. приём.png')).toBeVisible();
  await page.getByLabel('Найти страницы').fill('(цепочка)');
  for (const name of [TELEGRAM_PAGE, VK_PAGE, OK_PAGE, MAX_PAGE]) await page.getByLabel(name).check();
  // Far enough ahead for a return, a second version and the approval; the worker then takes it.
  state.scheduledAt = Math.ceil((Date.now() + 4 * 60_000) / 60_000) * 60_000;
  await page.getByLabel('Дата и время публикации').fill(localTime(state.scheduledAt));
  await page.getByLabel('Заголовок для календаря').fill('Приём граждан (цепочка)');

  const previews = page.getByRole('complementary', { name: 'Предпросмотр и обсуждение' });
  for (const platform of ['vk', 'ok', 'telegram', 'max']) {
    await expect(previews.locator(`section[data-platform="${platform}"]`)).toContainText('приём граждан главой района');
  }
  await expectAccessible(page, 'composer with previews');
  await screenshotWhole(page, 'composer', 1280);

  await page.getByRole('button', { name: 'Сохранить черновик' }).click();
  await expect(page).toHaveURL(/\/posts\/[0-9a-f-]{36}$/);
  state.postId = page.url().split('/').pop();
  await page.getByRole('button', { name: 'Отправить на согласование' }).click();
  await expect(page.getByText('Материал отправлен на согласование.')).toBeVisible();
  await expectAccessible(page, 'post in review');
});

test('the supervisor returns it with a comment, sees what the editor changed, and approves', async ({ page, browser, request }) => {
  await signIn(page, SUPERVISOR.email, SUPERVISOR.password);
  // Told by a notification, the bell counts it.
  await expect(page.getByRole('button', { name: /Уведомления: непрочитанных [1-9]/ })).toBeVisible();
  await page.getByRole('navigation', { name: 'Основные разделы' }).getByRole('link', { name: /На согласовании/ }).click();
  const queue = page.getByRole('navigation', { name: /Очередь/ });
  await queue.getByRole('button', { name: /Приём граждан \(цепочка\)/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Приём граждан (цепочка)' })).toBeVisible();
  await expectAccessible(page, 'approval queue');

  await page.getByRole('button', { name: 'Вернуть на доработку' }).first().click();
  const rejection = page.getByRole('form', { name: 'Возврат на доработку' });
  await rejection.getByRole('button', { name: 'Вернуть на доработку' }).click();
  await expect(rejection.getByText('Напишите автору, что исправить')).toBeVisible();
  await rejection.getByLabel('Комментарий для автора').fill(REJECT_COMMENT);
  await rejection.getByRole('button', { name: 'Вернуть на доработку' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Очередь пуста' })).toBeVisible();

  // The editor reads the comment, adds what was asked and sends it again.
  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await signIn(editor, EDITOR.email, EDITOR.password);
  await editor.goto(`/posts/${state.postId}`);
  await expect(editor.getByText(REJECT_COMMENT)).toBeVisible();
  await editor.getByRole('textbox', { name: 'Общий текст' }).fill(SECOND_TEXT);
  await editor.getByRole('button', { name: 'Отправить на согласование' }).click();
  await expect(editor.getByText('Материал отправлен на согласование.')).toBeVisible();
  await editorContext.close();

  await page.reload();
  await queue.getByRole('button', { name: /Приём граждан \(цепочка\)/ }).click();
  const detail = page.getByRole('region', { name: 'Приём граждан (цепочка)' });
  await expect(detail.getByText(REJECT_COMMENT)).toBeVisible();
  await expect(detail.locator('ins', { hasText: 'Запись по телефону' })).toBeVisible();
  await expectAccessible(page, 'approval queue with changes');
  await saveScreenshot(page, 'approval-queue');
  await page.getByRole('button', { name: /^Согласовать/ }).click();
  await expect(page.getByText(/согласован/i).first()).toBeVisible();

  const { headers } = await apiLogin(request, SUPERVISOR);
  const post = (await (await request.get(`/api/v1/posts/${state.postId}`, { headers })).json()) as PostView;
  expect(post.status).toBe('scheduled');
  expect(post.text).toBe(SECOND_TEXT);
});

test('a publication that failed is found in the attention list and published again', async ({ page, request }) => {
  test.setTimeout(240_000);
  const root = await rootId(request);
  const editor = await apiLogin(request, EDITOR);
  const supervisor = await apiLogin(request, SUPERVISOR);
  const channels = (await (await request.get(`/api/v1/channels?organizationId=${root}`, { headers: editor.headers })).json()) as { id: string; name: string }[];
  const telegramId = channels.find((c) => c.name === TELEGRAM_PAGE)?.id;
  expect(telegramId).toBeTruthy();
  // Telegram refuses the next message to this channel once, as it does a message it cannot take.
  const fault = await fetch(`${sandboxUrl()}/control/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ platform: 'telegram', kind: 'error', method: 'sendMessage', times: 1, errorCode: 400, errorMessage: 'Bad Request: message is too long' }),
  });
  expect(fault.ok).toBe(true);
  const scheduledAt = new Date(Math.ceil((Date.now() + 65_000) / 60_000) * 60_000).toISOString();
  const created = await request.post('/api/v1/posts', {
    headers: editor.headers,
    data: { organizationId: root, rubric: 'useful', title: 'Памятка (цепочка)', text: 'Памятка: как получить справку через Госуслуги.', channelIds: [telegramId], scheduledAt },
  });
  expect(created.status(), await created.text()).toBe(201);
  const draft = (await created.json()) as PostView;
  const submitted = await request.post(`/api/v1/posts/${draft.id}/submit`, { headers: editor.headers });
  expect(submitted.status(), await submitted.text()).toBe(200);
  const approved = await request.post(`/api/v1/posts/${draft.id}/approve`, { headers: supervisor.headers });
  expect(approved.status(), await approved.text()).toBe(200);

  await expect
    .poll(async () => ((await (await request.get(`/api/v1/posts/${draft.id}`, { headers: supervisor.headers })).json()) as PostView).publications[0]?.status, {
      timeout: 180_000,
      intervals: [2_000],
    })
    .toBe('failed');

  await signIn(page, SUPERVISOR.email, SUPERVISOR.password);
  await page.getByRole('navigation', { name: 'Основные разделы' }).getByRole('link', { name: /Требуют внимания/ }).click();
  const item = page.getByRole('listitem').filter({ hasText: 'Памятка (цепочка)' }).filter({ hasText: TELEGRAM_PAGE });
  await expect(item).toContainText('Площадка отказала в публикации');
  await expect(item).toContainText('Telegram отклонил запрос');
  await expectAccessible(page, 'attention list');
  await item.getByRole('button', { name: 'Опубликовать снова' }).click();
  await item.getByRole('button', { name: 'Да, опубликовать снова' }).click();
  await expect
    .poll(async () => ((await (await request.get(`/api/v1/posts/${draft.id}`, { headers: supervisor.headers })).json()) as PostView).publications[0]?.status, {
      timeout: 90_000,
      intervals: [2_000],
    })
    .toBe('published');
  expect((await sandboxFeed('telegram', String(TELEGRAM_CHANNEL.id))).some((p) => p.text.includes('как получить справку'))).toBe(true);
});

test('the worker publishes the approved post on the four pages, and the editor sees where', async ({ page, request }) => {
  test.setTimeout(420_000);
  const editor = await apiLogin(request, EDITOR);
  await expect
    .poll(async () => ((await (await request.get(`/api/v1/posts/${state.postId}`, { headers: editor.headers })).json()) as PostView).status, {
      timeout: Math.max(60_000, (state.scheduledAt ?? Date.now()) - Date.now() + 120_000),
      intervals: [3_000],
    })
    .toBe('published');

  const feeds = {
    telegram: await sandboxFeed('telegram', String(TELEGRAM_CHANNEL.id)),
    vk: await sandboxFeed('vk', String(VK_COMMUNITY.id)),
    ok: await sandboxFeed('ok', OK_GROUP.gid),
    max: await sandboxFeed('max', MAX_CHANNEL.link),
  };
  for (const [platform, posts] of Object.entries(feeds)) {
    const mine = posts.filter((p) => p.text.includes('Запись по телефону'));
    expect(mine, platform).toHaveLength(1);
    expect(mine[0].imageUrls, platform).toHaveLength(1);
  }

  await signIn(page, EDITOR.email, EDITOR.password);
  await page.goto(`/posts/${state.postId}`);
  const publications = page.getByRole('region', { name: 'Публикации по страницам' });
  const telegramMessage = feeds.telegram.find((p) => p.text.includes('Запись по телефону'))?.id;
  const vkPost = feeds.vk.find((p) => p.text.includes('Запись по телефону'))?.id;
  const row = (name: string) => publications.getByRole('listitem').filter({ hasText: name });
  await expect(row(TELEGRAM_PAGE).getByRole('link', { name: 'Открыть запись' })).toHaveAttribute('href', `https://t.me/${TELEGRAM_CHANNEL.username}/${telegramMessage}`);
  await expect(row(VK_PAGE).getByRole('link', { name: 'Открыть запись' })).toHaveAttribute('href', `https://vk.com/wall-${VK_COMMUNITY.id}_${vkPost}`);
  await expect(row(OK_PAGE).getByRole('link', { name: 'Открыть запись' })).toHaveAttribute('href', new RegExp(`${OK_GROUP.gid}`));
  const maxMessage = feeds.max.find((p) => p.text.includes('Запись по телефону'))?.id;
  await expect(row(MAX_PAGE).getByRole('link', { name: 'Открыть запись' })).toHaveAttribute('href', `https://max.ru/${MAX_CHANNEL.link}/${maxMessage}`);
  await expectAccessible(page, 'published post');

  await page.goto('/calendar');
  await expect(page.locator('full-calendar')).toBeVisible();
  await expect(page.getByText('Приём граждан (цепочка)').first()).toBeVisible();
  await expectAccessible(page, 'calendar');
  await saveScreenshot(page, 'calendar');
});

test('every other page of the editor passes axe', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  for (const [path, what] of [
    ['/audit', 'audit log'],
    ['/security', 'security page'],
    ['/attention', 'attention list (admin)'],
    ['/calendar?view=timeGridWeek', 'calendar week'],
    ['/calendar?view=listWeek', 'calendar list'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, what);
  }
  await signOut(page);
  await expectAccessible(page, 'login page');
});
