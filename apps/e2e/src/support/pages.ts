import { Page, expect } from '@playwright/test';
import { join } from 'node:path';

const screenshotDir = join(__dirname, '../../../../dist/e2e-screenshots');

/** Saves a full-page screenshot for a human to look at (dist/e2e-screenshots). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** The whole page in one viewport of its height, so the composer's sticky action bar sits where it belongs in the picture. */
export async function screenshotWhole(page: Page, name: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width, height });
  await saveScreenshot(page, name);
  await page.setViewportSize({ width: 1280, height: 860 });
}

/** Signs in through the login page and waits for the page behind it. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Электронная почта').fill(email);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Выйти' }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** The tree entry (button) of an organization. */
export function treeEntry(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Структура' }).getByRole('button', { name: new RegExp(`^${escape(name)}`) });
}

/** The start page after sign-in: the dashboard (h1 «Сводка»), of `organization`'s subtree when named. */
export async function expectDashboard(page: Page, organization?: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Сводка' })).toBeVisible();
  if (organization) await expect(page.getByText(`«${organization}» и подчинённые`)).toBeVisible();
}

/** The organizations page (the tree and the chosen one's details), through the main navigation. */
export async function openOrganizations(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Основные разделы' }).getByRole('link', { name: 'Организации' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Организации' })).toBeVisible();
}

/** Chooses an organization in the tree, going to the organizations page first when elsewhere. */
export async function selectOrganization(page: Page, name: string): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith('/organizations')) await openOrganizations(page);
  await treeEntry(page, name).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
