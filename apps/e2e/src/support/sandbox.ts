import { expect, Page } from '@playwright/test';

/**
 * The platform sandbox the server under test talks to (started by global setup). The OAuth
 * applications below are the ones the server is configured with; a spec seeds them with its pages.
 */
export const SANDBOX_VK_CLIENT_ID = '51990077';
export const SANDBOX_OK_APP = { applicationId: '512000000077', applicationKey: 'CBAE2EOKAPPKEY', applicationSecretKey: 'ok-e2e-app-secret-0077' };

/** The sandbox's address, set by global setup for the runner and its workers. */
export function sandboxUrl(): string {
  const url = process.env['VESTNIK_E2E_SANDBOX_URL'];
  if (!url) throw new Error('VESTNIK_E2E_SANDBOX_URL is not set: global setup starts the sandbox (or set it to a running one)');
  return url;
}

/** Adds communities, groups, channels, bots and accounts to the sandbox (`POST /control/seed`). */
export async function seedSandbox(seed: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${sandboxUrl()}/control/seed`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(seed) });
  if (!res.ok) throw new Error(`sandbox seed → ${res.status} ${await res.text()}`);
}

/** The environment that points the server at the sandbox, with the OAuth applications above. */
export function sandboxServerEnv(url: string): Record<string, string> {
  return {
    VK_API_URL: `${url}/vk/method`,
    VK_ID_URL: `${url}/vk-id`,
    OK_API_URL: `${url}/ok/fb.do`,
    OK_OAUTH_URL: `${url}/ok`,
    TELEGRAM_API_URL: `${url}/telegram`,
    MAX_API_URL: `${url}/max`,
    VK_CLIENT_ID: SANDBOX_VK_CLIENT_ID,
    OK_CLIENT_ID: SANDBOX_OK_APP.applicationId,
    OK_APPLICATION_KEY: SANDBOX_OK_APP.applicationKey,
    OK_APPLICATION_SECRET_KEY: SANDBOX_OK_APP.applicationSecretKey,
  };
}

/**
 * From the editor's connect page through the sandbox's VK ID consent page as `accountName`, back to
 * the editor's choice of communities.
 */
export async function connectThroughVkId(page: Page, accountName: string): Promise<void> {
  await page.getByRole('button', { name: 'Войти через VK ID' }).click();
  // The sandbox's VK ID page: who signs in, and consent.
  await expect(page.getByRole('button', { name: 'Разрешить' })).toBeVisible();
  const account = page.getByLabel('Войти как');
  const accounts = await account.locator('option').allTextContents();
  await account.selectOption({ index: accounts.findIndex((a) => a.includes(accountName)) });
  await page.getByRole('button', { name: 'Разрешить' }).click();
  await expect(page).toHaveURL(/\/channels\/connect\?connection=/);
  await expect(page.getByRole('heading', { name: 'Выберите сообщество ВКонтакте' })).toBeVisible();
}

/** The radio button of a community on the editor's choice of communities. */
export function communityChoice(page: Page, communityName: string) {
  return page.getByRole('radio', { name: new RegExp(communityName.replace(/[()№]/g, '.')) });
}
