import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { ADMIN, ROOT_ORGANIZATION } from './support/accounts';
import { saveScreenshot, signIn } from './support/pages';
import { communityChoice, connectThroughVkId, SANDBOX_OK_APP, seedSandbox } from './support/sandbox';

/** Pages of this spec in the sandbox: ids and names no other spec uses. */
const BOT = { token: '880101:AAe2e-channels-bot-token-0000001', id: 880101, username: 'vestnik_e2e_bot' };
const MUTE_BOT = { token: '880102:AAe2e-channels-mute-bot-token-001', id: 880102, username: 'mute_e2e_bot' };
const TELEGRAM_CHANNEL = { id: -1008801001, username: 'e2e_minobr', title: 'Минобр: новости (e2e)' };
const VK_ACCOUNT = { id: 88011, name: 'Вера Админова' };
const VK_COMMUNITY = { id: 880201, name: 'Школа №5 (e2e)' };
const VK_OTHER = { id: 880202, name: 'Гимназия №3 (e2e)' };
const SCHOOL = 'Школа №5 (каналы)';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  await seedSandbox({
    vk: { communities: [VK_COMMUNITY, VK_OTHER], users: [{ ...VK_ACCOUNT, adminOf: [{ groupId: VK_COMMUNITY.id }, { groupId: VK_OTHER.id }] }] },
    ok: { app: SANDBOX_OK_APP },
    telegram: {
      bots: [BOT, MUTE_BOT],
      channels: [{ ...TELEGRAM_CHANNEL, members: [{ botId: BOT.id, status: 'administrator', canPostMessages: true }, { botId: MUTE_BOT.id, status: 'administrator', canPostMessages: false }] }],
    },
  });
});

/** The root organization's id and a child organization for pages of a school, made through the API. */
async function schoolOrganization(request: APIRequestContext): Promise<string> {
  const login = await request.post('/api/v1/auth/login', { data: { email: ADMIN.email, password: ADMIN.password } });
  const { accessToken, user } = (await login.json()) as { accessToken: string; user: { memberships: { organizationId: string }[] } };
  const headers = { Authorization: `Bearer ${accessToken}` };
  const rootId = user.memberships[0].organizationId;
  const existing = (await (await request.get('/api/v1/organizations', { headers })).json()) as { id: string; name: string }[];
  const found = existing.find((o) => o.name === SCHOOL);
  if (found) return found.id;
  const created = await request.post('/api/v1/organizations', { headers, data: { name: SCHOOL, parentId: rootId } });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

function telegramForm(page: Page) {
  return page.getByRole('form', { name: 'Подключение канала Telegram' });
}

test('an admin connects a Telegram channel with a bot token, after Telegram refuses a bot that may not post', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole('navigation', { name: 'Основные разделы' }).getByRole('link', { name: 'Каналы' }).click();
  // Other specs may have connected pages already: the first one or another, the way is the same.
  await page.getByRole('link', { name: /^Подключить (первую )?страницу$/ }).first().click();
  await expect(page).toHaveURL(/\/channels\/connect$/);
  await expect(page.getByText('Откройте в Telegram бота @BotFather')).toBeVisible();

  const form = telegramForm(page);
  await form.getByLabel('Адрес канала').fill(`t.me/${TELEGRAM_CHANNEL.username}`);
  await form.getByLabel('Название в Вестнике').fill('Telegram министерства');
  await form.getByLabel('Токен бота').fill('это не токен');
  await form.getByRole('button', { name: 'Подключить канал' }).click();
  // The server's rule, beside its field.
  await expect(form.getByText('токен бота выглядит как 123456789:AA…')).toBeVisible();

  await form.getByLabel('Токен бота').fill(MUTE_BOT.token);
  await form.getByLabel('Токен бота').press('Enter');
  const refusal = form.getByRole('alert').filter({ hasText: 'Канал не подключён' });
  await expect(refusal).toContainText('Площадка не подтвердила доступ');
  await expect(refusal).toContainText('Публикация сообщений');
  // Nothing typed is lost on a refusal.
  await expect(form.getByLabel('Название в Вестнике')).toHaveValue('Telegram министерства');

  await form.getByLabel('Токен бота').fill(BOT.token);
  await form.getByRole('button', { name: 'Подключить канал' }).click();
  await expect(page.getByText(`Страница «Telegram министерства» (Telegram: ${TELEGRAM_CHANNEL.title}) подключена`)).toBeVisible();
  await saveScreenshot(page, 'channels-connect-1280');
  await page.setViewportSize({ width: 768, height: 1024 });
  await saveScreenshot(page, 'channels-connect-768');
});

test('an admin connects a VK community through the VK ID consent page and places it in a school', async ({ page, request }) => {
  await schoolOrganization(request);
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto('/channels/connect');
  await connectThroughVkId(page, VK_ACCOUNT.name);
  await communityChoice(page, VK_COMMUNITY.name).check();
  const details = page.getByRole('group', { name: `Подключение: ${VK_COMMUNITY.name}` });
  await details.getByLabel('Название в Вестнике').fill('ВКонтакте школы №5');
  const organization = details.getByLabel('Организация', { exact: true });
  const options = await organization.locator('option').allTextContents();
  await organization.selectOption({ index: options.findIndex((o) => o.includes(SCHOOL)) });
  await page.getByRole('button', { name: 'Подключить сообщество' }).click();

  await expect(page.getByText(`Подключена как «ВКонтакте школы №5» в организации «${SCHOOL}»`)).toBeVisible();
  await expect(page.getByText('Подключено: 1')).toBeVisible();
  await page.getByRole('link', { name: 'К списку каналов' }).first().click();

  const table = page.getByRole('table', { name: 'Каналы, по организациям' });
  await expect(table).toContainText(SCHOOL);
  await expect(table.getByRole('row').filter({ hasText: 'ВКонтакте школы №5' })).toContainText('Работает');
  await expect(table.getByRole('row').filter({ hasText: 'ВКонтакте школы №5' })).toContainText('Обновляется автоматически');
});

test('the list finds pages, and each action is confirmed and reported', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto('/channels');
  const table = page.getByRole('table', { name: 'Каналы, по организациям' });
  await expect(table.getByRole('row').filter({ hasText: 'Telegram министерства' })).toBeVisible();
  await expect(page.getByText(`Время — по часовому поясу «${ROOT_ORGANIZATION}»`)).toBeVisible();
  await saveScreenshot(page, 'channels-list-1280');
  await page.setViewportSize({ width: 768, height: 1024 });
  await saveScreenshot(page, 'channels-list-768');
  await page.setViewportSize({ width: 1280, height: 860 });

  await page.getByRole('searchbox', { name: 'Поиск' }).fill('школы №5');
  await expect(table.getByRole('row').filter({ hasText: 'Telegram министерства' })).toHaveCount(0);
  await expect(page.getByText(/Найдено: 1 из \d+\./)).toBeVisible();
  await page.getByRole('button', { name: 'Сбросить' }).click();
  await page.getByLabel('Площадка').selectOption({ label: 'Telegram' });
  await expect(table.getByRole('row').filter({ hasText: 'ВКонтакте школы №5' })).toHaveCount(0);
  await page.getByLabel('Площадка').selectOption({ label: 'Все площадки' });

  // Verify: the platform is asked again.
  await page.getByRole('button', { name: 'Проверить канал «Telegram министерства»' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Ничего не будет опубликовано');
  await dialog.getByRole('button', { name: 'Проверить' }).click();
  await expect(page.getByText('«Telegram министерства»: площадка подтвердила')).toBeVisible();

  // Disable, by keyboard: Escape first cancels, the confirmation then says what happens to waiting posts.
  await page.getByRole('button', { name: 'Отключить канал «Telegram министерства»' }).click();
  await expect(dialog.getByRole('button', { name: 'Отмена' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Отключить канал «Telegram министерства»' }).click();
  await expect(dialog).toContainText('Пока канал отключён, Вестник ничего не публикует на эту страницу');
  await dialog.getByRole('button', { name: 'Отключить' }).click();
  await expect(page.getByText('Канал «Telegram министерства» отключён')).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'Telegram министерства' })).toContainText('Отключён');
  await page.getByRole('button', { name: 'Включить канал «Telegram министерства»' }).click();
  await dialog.getByRole('button', { name: 'Включить' }).click();
  await expect(table.getByRole('row').filter({ hasText: 'Telegram министерства' })).toContainText('Работает');

  // Delete: what stays on the platform is said before, the page leaves the list after.
  await page.getByRole('button', { name: 'Удалить канал «ВКонтакте школы №5»' }).click();
  await expect(dialog).toContainText('Уже опубликованные записи останутся на странице ВКонтакте');
  await dialog.getByRole('button', { name: 'Удалить канал' }).click();
  await expect(page.getByText('Канал «ВКонтакте школы №5» удалён из Вестника')).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'ВКонтакте школы №5' })).toHaveCount(0);
});

test("an admin sets a page's weekly minimum and rubric shares; shares that do not make 100 % are refused beside the fields", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto('/channels');
  const row = page.getByRole('table').getByRole('row').filter({ hasText: 'Telegram министерства' });
  await expect(row).toContainText('Нормы: минимум в неделю не задан; доли рубрик не заданы');

  await page.getByRole('button', { name: 'Нормы канала «Telegram министерства»' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading')).toHaveText('Нормы страницы «Telegram министерства»');
  await dialog.getByLabel('Публикаций в неделю, не меньше').fill('5');
  await dialog.getByLabel('Задать доли рубрик').check();
  await dialog.getByLabel('Официальное, %').fill('50');
  await dialog.getByLabel('Полезное, %').fill('30');
  await dialog.getByLabel('Развлекательное, %').fill('30');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog.getByText('Доли рубрик вместе должны составлять 100 %, сейчас 110 %')).toBeVisible();
  await expect(dialog.getByLabel('Публикаций в неделю, не меньше')).toHaveValue('5');

  await dialog.getByLabel('Развлекательное, %').fill('20');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Нормы канала «Telegram министерства» сохранены')).toBeVisible();
  await expect(row).toContainText('Нормы: не меньше 5 публикаций в неделю; официальное 50 %, полезное 30 %, развлекательное 20 %');
  await saveScreenshot(page, 'channels-norms');
});
