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
    VK_CLIENT_ID: SANDBOX_VK_CLIENT_ID,
    OK_CLIENT_ID: SANDBOX_OK_APP.applicationId,
    OK_APPLICATION_KEY: SANDBOX_OK_APP.applicationKey,
    OK_APPLICATION_SECRET_KEY: SANDBOX_OK_APP.applicationSecretKey,
  };
}
