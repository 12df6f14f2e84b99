import { APIRequestContext, expect, test } from '@playwright/test';
import { ADMIN } from './support/accounts';
import { png } from './support/images';
import { screenshotWhole, signIn } from './support/pages';
import { seedSandbox } from './support/sandbox';

/** Pages are connected through the platform sandbox, which global setup starts (or a running one is named). */
const SANDBOX_URL = process.env['VESTNIK_E2E_SANDBOX_URL'];

/** Pages of this spec in the sandbox: ids and names no other spec uses. */
const BOT = { token: '880301:AAe2e-posts-bot-token-000000001', id: 880301, username: 'vestnik_posts_bot' };
const TELEGRAM_CHANNEL = { id: -1008803001, username: 'e2e_posts_school', title: 'Школа №7: новости' };
const VK_TOKEN = 'vk1.a.e2e-posts-community-token-0001';
const VK_COMMUNITY = { id: 880401, name: 'Школа №7 ВКонтакте' };
const TELEGRAM_PAGE = 'Телеграм школы №7 (посты)';
const VK_PAGE = 'ВК школы №7 (посты)';

test.describe.configure({ mode: 'serial' });

async function adminApi(request: APIRequestContext) {
  const login = await request.post('/api/v1/auth/login', { data: { email: ADMIN.email, password: ADMIN.password } });
  const { accessToken, user } = (await login.json()) as { accessToken: string; user: { memberships: { organizationId: string }[] } };
  return { headers: { Authorization: `Bearer ${accessToken}` }, rootId: user.memberships[0].organizationId };
}

/** The spec's Telegram channel and VK community, connected to the root organization once. */
async function connectPages(request: APIRequestContext): Promise<void> {
  await seedSandbox({
    vk: { communities: [VK_COMMUNITY], tokens: [{ token: VK_TOKEN, userId: 88041, adminOf: [{ groupId: VK_COMMUNITY.id }] }] },
    telegram: { bots: [BOT], channels: [{ ...TELEGRAM_CHANNEL, members: [{ botId: BOT.id, status: 'administrator', canPostMessages: true }] }] },
  });
  const { headers, rootId } = await adminApi(request);
  const existing = (await (await request.get(`/api/v1/channels?organizationId=${rootId}`, { headers })).json()) as { name: string }[];
  const pages = [
    { platform: 'telegram', name: TELEGRAM_PAGE, target: `@${TELEGRAM_CHANNEL.username}`, credentials: { botToken: BOT.token } },
    { platform: 'vk', name: VK_PAGE, target: `club${VK_COMMUNITY.id}`, credentials: { accessToken: VK_TOKEN } },
  ];
  for (const page of pages.filter((p) => !existing.some((e) => e.name === p.name))) {
    const created = await request.post('/api/v1/channels', { headers, data: { organizationId: rootId, ...page } });
    expect(created.status(), await created.text()).toBe(201);
  }
}

test('an editor composes a post with an image for VK and Telegram, sees both previews and submits it', async ({ page, request }) => {
  test.skip(!SANDBOX_URL, 'needs the platform sandbox: set VESTNIK_E2E_SANDBOX_URL (global setup does when it starts one)');
  await connectPages(request);
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole('navigation', { name: 'Основные разделы' }).getByRole('link', { name: 'Материалы' }).click();
  await page.getByRole('link', { name: 'Новый материал' }).first().click();
  await expect(page).toHaveURL(/\/posts\/new$/);

  // Nothing chosen yet: the server's rules are not even asked, the form says what is missing.
  await page.getByRole('button', { name: 'Сохранить черновик' }).click();
  await expect(page.getByText('Поле «Общий текст» обязательно')).toBeVisible();
  await expect(page.getByText('Выберите хотя бы одну страницу')).toBeVisible();

  const text = page.getByRole('textbox', { name: 'Общий текст' });
  await text.fill('1 сентября в школе — торжественная линейка. Начало в 9:00.');
  // Bold by the toolbar's shortcut, on the selected words.
  await text.evaluate((area: HTMLTextAreaElement) => area.setSelectionRange(0, 11));
  await text.press('Control+b');
  await expect(text).toHaveValue('**1 сентября** в школе — торжественная линейка. Начало в 9:00.');

  await page.locator('#media-upload').setInputFiles({ name: 'линейка.png', mimeType: 'image/png', buffer: png(160, 120) });
  await expect(page.getByText('1. линейка.png')).toBeVisible();
  const tile = page.getByRole('listitem').filter({ hasText: '1. линейка.png' });
  await expect(tile.getByRole('img', { name: 'линейка.png' })).toBeVisible();

  await page.getByLabel('Найти страницы').fill('школы №7 (посты)');
  await page.getByLabel(TELEGRAM_PAGE).check();
  await page.getByLabel(VK_PAGE).check();
  await expect(page.locator('.summary')).toContainText('ВКонтакте: 1');
  await expect(page.locator('.summary')).toContainText('Telegram: 1');
  // Each chosen platform judges the image and the text by its own rules.
  await expect(tile).toContainText('✓ ВКонтакте');
  await expect(tile).toContainText('✓ Telegram');
  const counters = page.getByRole('list', { name: 'Длина текста на площадках' });
  await expect(counters.locator('[data-platform="telegram"]')).toContainText('✓ примет');
  await expect(counters.locator('[data-platform="ok"]')).toContainText('страницы не выбраны');

  // The previews: Telegram keeps the bold, VK shows plain text; no OK preview without OK pages.
  const previews = page.getByRole('complementary', { name: 'Предпросмотр и обсуждение' });
  const telegram = previews.locator('section[data-platform="telegram"]');
  await expect(telegram.locator('b', { hasText: '1 сентября' })).toBeVisible();
  await expect(telegram).toContainText(TELEGRAM_CHANNEL.title);
  await expect(previews.locator('section[data-platform="vk"]')).toContainText('1 сентября в школе — торжественная линейка.');
  await expect(previews.locator('section[data-platform="vk"]')).not.toContainText('**');
  await expect(previews.locator('section[data-platform="ok"]')).toHaveCount(0);
  await screenshotWhole(page, 'composer-1280', 1280);
  await screenshotWhole(page, 'composer-768', 768);

  await page.getByRole('button', { name: 'Сохранить черновик' }).click();
  await expect(page).toHaveURL(/\/posts\/[0-9a-f-]{36}$/);
  await expect(page.getByText('Сохранено.')).toBeVisible();
  const postId = page.url().split('/').pop() ?? '';

  await page.getByRole('button', { name: 'Отправить на согласование' }).click();
  await expect(page.getByText('Материал отправлен на согласование.')).toBeVisible();
  await expect(page.getByText('Материал на согласовании. Его можно править')).toBeVisible();

  const { headers } = await adminApi(request);
  const post = (await (await request.get(`/api/v1/posts/${postId}`, { headers })).json()) as { status: string; text: string; mediaIds: string[]; publications: { platform: string }[] };
  expect(post.status).toBe('in_review');
  expect(post.text).toBe('**1 сентября** в школе — торжественная линейка. Начало в 9:00.');
  expect(post.mediaIds).toHaveLength(1);
  expect(post.publications.map((p) => p.platform).sort()).toEqual(['telegram', 'vk']);
});

test('what was typed and not saved is offered back after a reload, and leaving asks first', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto('/posts/new');
  const text = page.getByRole('textbox', { name: 'Общий текст' });
  await text.fill('Черновик, который нельзя потерять.');
  // The copy on this computer is written a moment after typing pauses.
  await expect(page.getByText('копия хранится на этом компьютере')).toBeVisible();

  // The question comes from the route's guard, which is loaded lazily: wait for it before going on.
  const asked: string[] = [];
  page.once('dialog', (dialog) => {
    asked.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.getByRole('navigation', { name: 'Основные разделы' }).getByRole('link', { name: 'Материалы' }).click();
  await expect.poll(() => asked).toEqual([expect.stringMatching(/^confirm: Изменения в материале не сохранены/)]);
  await expect(page).toHaveURL(/\/posts\/new$/);

  // A reload may ask too (beforeunload): the answer is to go on.
  page.on('dialog', (dialog) => void dialog.accept());
  await page.reload();
  await expect(page.getByText('Есть несохранённые правки')).toBeVisible();
  await page.getByRole('button', { name: 'Восстановить правки' }).click();
  await expect(text).toHaveValue('Черновик, который нельзя потерять.');
});
