import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APIRequestContext, expect, Page, test } from '@playwright/test';
import type { LoginResponse } from '@vestnik/contracts';
import { ADMIN } from './support/accounts';
import { expectAccessible } from './support/axe';
import { saveScreenshot, signOut } from './support/pages';

/**
 * The English switch changes the whole interface: a person of their own (so no other spec sees
 * English) switches from the header; every page of the editor is then searched for any Russian
 * message of the translation files, its dates are English, and the choice follows the person to a
 * new browser. The Russian messages are read from the files themselves, so a text that slipped past
 * translation is caught wherever it shows.
 */

const PERSON = { email: 'english-reader@vestnik.test', name: 'Emma Reader', password: 'english-reader-password-1' };
const TRANSLATIONS = join(__dirname, '../../../libs/editor/i18n/src/lib/translations/ru');

/**
 * Pieces of Russian messages long enough not to occur by chance in data. Left out: platform names
 * and placeholders' example values (pages are named like them: other specs made «Telegram министерства»).
 */
function russianFragments(): string[] {
  const pieces = new Set<string>();
  const walk = (node: unknown, path: string): void => {
    if (typeof node === 'string') {
      if (path.startsWith('common.platform.') || /Placeholder$/.test(path)) return;
      for (const piece of node.split(/\{\{[^}]*\}\}|[{}#<>]|\b(?:one|few|many|other|plural)\b/)) {
        const text = piece.replace(/\s+/g, ' ').trim();
        if (text.length >= 12 && /[А-Яа-яЁё]/.test(text)) pieces.add(text);
      }
    } else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) walk(value, path ? `${path}.${key}` : key);
    }
  };
  for (const file of readdirSync(TRANSLATIONS)) walk(JSON.parse(readFileSync(join(TRANSLATIONS, file), 'utf8')), file.replace(/\.json$/, ''));
  return [...pieces];
}

/** What a person meets on the page: its text, and the labels, titles and placeholders that are read out or shown on hover. */
async function shownText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attributes = [...document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')].flatMap((el) =>
      ['aria-label', 'title', 'placeholder', 'alt'].map((name) => el.getAttribute(name) ?? ''),
    );
    return [document.body.innerText, document.title, ...attributes].join('\n').replace(/\s+/g, ' ');
  });
}

async function joinAsReader(request: APIRequestContext): Promise<void> {
  const login = await request.post('/api/v1/auth/login', { data: { email: ADMIN.email, password: ADMIN.password } });
  const admin = (await login.json()) as LoginResponse;
  const headers = { Authorization: `Bearer ${admin.accessToken}` };
  const root = admin.user.memberships[0].organizationId;
  const invited = await request.post(`/api/v1/organizations/${root}/members`, { headers, data: { email: PERSON.email, role: 'supervisor' } });
  if (invited.status() === 409) return; // joined in an earlier run against the same server
  expect(invited.status(), await invited.text()).toBe(201);
  const token = new URL(((await invited.json()) as { inviteUrl: string }).inviteUrl).pathname.split('/').pop();
  const accepted = await request.post(`/api/v1/invitations/${token}/accept`, { data: { name: PERSON.name, password: PERSON.password } });
  expect(accepted.status(), await accepted.text()).toBeLessThan(300);
}

async function signInAs(page: Page, labels: { email: string; password: string; button: string }): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(labels.email).fill(PERSON.email);
  await page.getByLabel(labels.password, { exact: true }).fill(PERSON.password);
  await page.getByRole('button', { name: labels.button, exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

test('the English switch changes the whole interface and stays with the person', async ({ page, browser, request }) => {
  test.setTimeout(240_000);
  await joinAsReader(request);
  await signInAs(page, { email: 'Электронная почта', password: 'Пароль', button: 'Войти' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('heading', { level: 1, name: 'Сводка' })).toBeVisible();

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The page already open changes at once, without a reload.
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main sections' }).getByRole('link', { name: 'Channels' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Переключить на русский' })).toHaveText('Русский');

  const fragments = russianFragments();
  expect(fragments.length).toBeGreaterThan(300);
  const pages = ['/', '/organizations', '/channels', '/channels/connect', '/posts', '/posts/new', '/calendar', '/calendar?view=listWeek', '/approval', '/attention', '/audit', '/security', '/plans'];
  for (const path of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const text = await shownText(page);
    expect(
      fragments.filter((f) => text.includes(f)),
      `${path} still shows Russian messages`,
    ).toEqual([]);
  }

  // Dates and plurals the English way: the calendar's month is named in English.
  await page.goto('/calendar');
  const month = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'Asia/Sakhalin' }).format(new Date());
  await expect(page.locator('full-calendar')).toContainText(month);
  await expectAccessible(page, 'calendar in English');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expectAccessible(page, 'dashboard in English');
  await saveScreenshot(page, '33-dashboard-english');

  // Another browser (nothing remembered there): signing in opens in English, the person's choice.
  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await signInAs(other, { email: 'Электронная почта', password: 'Пароль', button: 'Войти' });
  await expect(other.locator('html')).toHaveAttribute('lang', 'en');
  await expect(other.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await elsewhere.close();

  // Back to Russian, and the whole interface with it.
  await page.getByRole('button', { name: 'Переключить на русский' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('heading', { level: 1, name: 'Сводка' })).toBeVisible();
  await signOut(page);

  // On the sign-in page too: English chosen there holds after signing in and is kept for the person.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await signInAs(page, { email: 'E-mail', password: 'Password', button: 'Sign in' });
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect.poll(async () => (await (await page.request.get('/api/v1/auth/me')).json()).language).toBe('en');
  await page.getByRole('button', { name: 'Переключить на русский' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Сводка' })).toBeVisible();
  await expect.poll(async () => (await (await page.request.get('/api/v1/auth/me')).json()).language).toBe('ru');
  await signOut(page);
});
