import { APIRequestContext, expect, Page, test } from '@playwright/test';
import type { PostView } from '@vestnik/contracts';
import { ADMIN } from './support/accounts';
import { saveScreenshot, signIn } from './support/pages';
import { seedSandbox } from './support/sandbox';

/** Pages are connected through the platform sandbox, which global setup starts (or a running one is named). */
const SANDBOX_URL = process.env['VESTNIK_E2E_SANDBOX_URL'];

/** This spec's own organization and Telegram channel: no other spec posts there. */
const ORGANIZATION = 'Пресс-служба (календарь)';
const BOT = { token: '880501:AAe2e-calendar-bot-token-000001', id: 880501, username: 'calendar_e2e_bot' };
const CHANNEL = { id: -1008805001, username: 'e2e_calendar', title: 'Календарь (e2e)' };

/** A month ahead, so every time is in the future and the server accepts the moves. */
function nextMonth(): { year: number; month: number } {
  const now = new Date();
  const month = now.getUTCMonth() + 2;
  return month > 12 ? { year: now.getUTCFullYear() + 1, month: month - 12 } : { year: now.getUTCFullYear(), month };
}
const { year, month } = nextMonth();
const day = (d: number) => `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

interface Api {
  headers: Record<string, string>;
  organizationId: string;
  channelId: string;
}

/** The organization, its channel and a session for the API, made once (a rerun finds them). */
async function prepare(request: APIRequestContext): Promise<Api> {
  const login = await request.post('/api/v1/auth/login', { data: { email: ADMIN.email, password: ADMIN.password } });
  const { accessToken, user } = (await login.json()) as { accessToken: string; user: { memberships: { organizationId: string }[] } };
  const headers = { Authorization: `Bearer ${accessToken}` };
  const organizations = (await (await request.get('/api/v1/organizations', { headers })).json()) as { id: string; name: string }[];
  let organizationId = organizations.find((o) => o.name === ORGANIZATION)?.id;
  if (!organizationId) {
    const created = await request.post('/api/v1/organizations', { headers, data: { name: ORGANIZATION, parentId: user.memberships[0].organizationId } });
    expect(created.status()).toBe(201);
    organizationId = ((await created.json()) as { id: string }).id;
  }
  const channels = (await (await request.get(`/api/v1/channels?organizationId=${organizationId}`, { headers })).json()) as { id: string; organizationId: string }[];
  let channelId = channels.find((c) => c.organizationId === organizationId)?.id;
  if (!channelId) {
    const created = await request.post('/api/v1/channels', {
      headers,
      data: { organizationId, platform: 'telegram', name: 'Телеграм пресс-службы', target: `@${CHANNEL.username}`, credentials: { botToken: BOT.token } },
    });
    expect(created.status()).toBe(201);
    channelId = ((await created.json()) as { id: string }).id;
  }
  return { headers, organizationId, channelId };
}

async function createDraft(request: APIRequestContext, api: Api, title: string, scheduledAt: string): Promise<PostView> {
  const created = await request.post('/api/v1/posts', {
    headers: api.headers,
    data: { organizationId: api.organizationId, rubric: 'useful', title, text: `${title}: подробности на сайте.`, channelIds: [api.channelId], scheduledAt },
  });
  expect(created.status()).toBe(201);
  return (await created.json()) as PostView;
}

/** Drags an event onto a day of the month grid with the mouse, as a person does. */
async function dragToDay(page: Page, event: ReturnType<Page['locator']>, date: string): Promise<void> {
  // The grid's top at the window's top: both days of the move are then on screen.
  await page.locator('full-calendar').evaluate((calendar) => calendar.scrollIntoView({ block: 'start' }));
  const from = await event.boundingBox();
  const to = await page.locator(`[role="gridcell"][data-date="${date}"]`).boundingBox();
  if (!from || !to) throw new Error('the event or the day is not on screen');
  await page.mouse.move(from.x + 12, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 30, from.y + from.height / 2 + 10, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** The calendar's organization filter (sub-organizations are indented in it). */
async function chooseOrganization(page: Page): Promise<void> {
  const select = page.getByLabel('Организация', { exact: true });
  const value = await select.locator('option', { hasText: ORGANIZATION }).getAttribute('value');
  await select.selectOption(value ?? '');
}

test.beforeAll(async () => {
  if (!SANDBOX_URL) return;
  await seedSandbox({ telegram: { bots: [BOT], channels: [{ ...CHANNEL, members: [{ botId: BOT.id, status: 'administrator', canPostMessages: true }] }] } });
});

test('the calendar shows posts in the organization zone; a drag reschedules, and a refused move snaps back with the reason', async ({ page, request }) => {
  test.skip(!SANDBOX_URL, 'needs the platform sandbox: set VESTNIK_E2E_SANDBOX_URL (global setup does when it starts one)');
  const api = await prepare(request);
  const title = `Приём граждан ${Date.now() % 100000}`;
  const post = await createDraft(request, api, title, `${day(10)}T10:00`);

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto(`/calendar?view=dayGridMonth&date=${day(1)}`);
  await expect(page).toHaveTitle('Календарь — Вестник');
  await expect(page.getByText('Время — по часовому поясу организации:')).toContainText('Южно-Сахалинск, МСК+8 (Asia/Sakhalin)');
  await chooseOrganization(page);

  // 10:00 on Sakhalin, whatever the browser's own zone (Moscow here): the day and time follow the organization.
  const event = page.locator(`[data-date="${day(10)}"] a`, { hasText: title });
  await expect(event).toContainText('10:00');
  await expect(event).toHaveAttribute('href', `/posts/${post.id}`);
  await saveScreenshot(page, 'calendar-month');

  await dragToDay(page, event, day(17));
  await expect(page.getByRole('status').filter({ hasText: `«${title}» перенесён на 17` })).toBeVisible();
  await expect(page.locator(`[data-date="${day(17)}"] a`, { hasText: title })).toBeVisible();
  const moved = (await (await request.get(`/api/v1/posts/${post.id}`, { headers: api.headers })).json()) as PostView;
  expect(moved.scheduledAtLocal.startsWith(`${day(17)}T10:00`)).toBe(true);

  // Someone edits the post meanwhile: the server refuses the stale move and the post goes back.
  const edited = await request.patch(`/api/v1/posts/${post.id}`, { headers: api.headers, data: { text: `${title}: время уточнено.` } });
  expect(edited.status()).toBe(200);
  await dragToDay(page, page.locator(`[data-date="${day(17)}"] a`, { hasText: title }), day(24));
  await expect(page.getByRole('alert').filter({ hasText: `«${title}» не перенесён` })).toBeVisible();
  await expect(page.locator(`[data-date="${day(17)}"] a`, { hasText: title })).toBeVisible();
  const kept = (await (await request.get(`/api/v1/posts/${post.id}`, { headers: api.headers })).json()) as PostView;
  expect(kept.scheduledAtLocal.startsWith(`${day(17)}T10:00`)).toBe(true);

  // The week and the keyboard: the post is a link reached by Tab, Enter opens it.
  await page.goto(`/calendar?view=timeGridWeek&date=${day(17)}`);
  await chooseOrganization(page);
  const inWeek = page.getByRole('link', { name: new RegExp(title) });
  await expect(inWeek).toBeVisible();
  await saveScreenshot(page, 'calendar-week');
  await inWeek.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/posts/${post.id}$`));
});
