import { Page, expect, test } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { ADMIN, ROOT_ORGANIZATION } from './support/accounts';
import { addMember } from './support/invitations';
import { expectDashboard, saveScreenshot, selectOrganization, signIn, signOut } from './support/pages';

const PERIOD_MS = 30_000;

function totpFor(secret: string, at = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secret.replace(/\s+/g, '')), digits: 6, period: 30 }).generate({ timestamp: at });
}

/** A code the server has not seen yet: it refuses a code from an already used 30-second step. */
async function freshCode(secret: string, usedStep: number): Promise<string> {
  while (Math.floor(Date.now() / PERIOD_MS) <= usedStep) await new Promise((r) => setTimeout(r, 1000));
  return totpFor(secret);
}

/** Starts enrollment on the security page and returns the secret as shown (groups of 4). */
async function enroll(page: Page): Promise<{ secret: string; step: number }> {
  await page.getByRole('button', { name: 'Подключить приложение' }).click();
  const shown = (await page.getByLabel('Секретный ключ').textContent())?.trim() ?? '';
  expect(shown).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
  await expect(page.locator('code.otpauth')).toContainText('otpauth://totp/');
  // The same address as a QR code beside the key, drawn here (a data: image, allowed by the page's policy).
  const qr = page.getByRole('img', { name: /QR-код для приложения-аутентификатора/ });
  await expect(qr).toBeVisible();
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
  expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const step = Math.floor(Date.now() / PERIOD_MS);
  await page.getByLabel('Одноразовый код').fill(totpFor(shown));
  return { secret: shown, step };
}

test('second factor: enroll, then sign in with a one-time code', async ({ page }) => {
  const person = { name: 'Пётр Кодов', email: 'kodov@vestnik.test', password: 'пароль-с-кодом-2025' };
  await signIn(page, ADMIN.email, ADMIN.password);
  await addMember(page, ROOT_ORGANIZATION, person, 'Руководитель (согласует)');

  await signIn(page, person.email, person.password);
  await page.getByRole('link', { name: 'Безопасность' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Безопасность' })).toBeVisible();
  await expect(page.getByText('выключен', { exact: true })).toBeVisible();
  await saveScreenshot(page, '13-security');

  // A wrong code is refused under the field.
  await page.getByRole('button', { name: 'Подключить приложение' }).click();
  await page.getByLabel('Одноразовый код').fill('12345');
  await page.getByRole('button', { name: 'Подтвердить и включить' }).click();
  await expect(page.getByText('Код должен состоять из 6 цифр')).toBeVisible();
  await page.getByRole('button', { name: 'Отмена' }).click();

  const { secret, step } = await enroll(page);
  await saveScreenshot(page, '14-security-enrollment');
  await page.getByRole('button', { name: 'Подтвердить и включить' }).click();
  await expect(page.getByText('Вход с одноразовым кодом включён.')).toBeVisible();
  await expect(page.getByText('включён', { exact: true })).toBeVisible();
  await signOut(page);

  // Password first, then the code; a wrong code keeps everything typed.
  await page.getByLabel('Электронная почта').fill(person.email);
  await page.getByLabel('Пароль').fill(person.password);
  await page.getByRole('button', { name: 'Войти' }).click();
  const code = page.getByLabel('Одноразовый код');
  await expect(code).toBeFocused();
  await saveScreenshot(page, '15-login-totp');
  await code.fill('000000');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByText('Код неверен или уже использован')).toBeVisible();
  await expect(page.getByLabel('Электронная почта')).toHaveValue(person.email);
  await expect(page.getByLabel('Пароль')).toHaveValue(person.password);

  await code.fill(await freshCode(secret, step));
  const loginStep = Math.floor(Date.now() / PERIOD_MS);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expectDashboard(page, ROOT_ORGANIZATION);

  // Switching it off needs a current code too.
  await page.getByRole('link', { name: 'Безопасность' }).click();
  await page.getByLabel('Одноразовый код').fill(await freshCode(secret, loginStep));
  await page.getByRole('button', { name: 'Отключить вход с кодом' }).click();
  await expect(page.getByText('Вход с одноразовым кодом отключён.')).toBeVisible();
  await expect(page.getByText('выключен', { exact: true })).toBeVisible();
});

test('an organization that requires a second factor sends its administrator to enroll first', async ({ page }) => {
  const unit = 'Комитет по информационной политике';
  const person = { name: 'Мария Строгая', email: 'strogaya@vestnik.test', password: 'пароль-админа-2025' };
  await signIn(page, ADMIN.email, ADMIN.password);
  await selectOrganization(page, ROOT_ORGANIZATION);
  await page.getByRole('button', { name: 'Добавить подчинённую организацию' }).click();
  await page.getByLabel('Название подчинённой организации').fill(unit);
  await page.getByRole('button', { name: 'Создать организацию' }).click();
  await expect(page.getByRole('heading', { level: 2, name: unit })).toBeVisible();
  await page.getByRole('button', { name: 'Изменить' }).click();
  await page.getByLabel('Администраторы входят только с одноразовым кодом').check();
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Только с одноразовым кодом', { exact: true })).toBeVisible();
  await addMember(page, unit, person, 'Администратор');

  await signIn(page, person.email, person.password);
  await expect(page).toHaveURL(/\/security$/);
  await expect(page.getByText('Нужно включить вход с одноразовым кодом')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Организации' })).toHaveCount(0);
  await saveScreenshot(page, '16-security-required');
  // Other pages stay closed until the factor is on.
  await page.goto('/');
  await expect(page).toHaveURL(/\/security$/);

  const { secret, step } = await enroll(page);
  await page.getByRole('button', { name: 'Подтвердить и включить' }).click();
  await expect(page.getByText('Вход с одноразовым кодом включён.')).toBeVisible();

  // Turning it on re-issued the session as a full one: the rest of the editor opens at once.
  await expect(page.getByRole('link', { name: 'Организации' })).toBeVisible();
  await page.getByRole('link', { name: 'Перейти к работе' }).click();
  await expectDashboard(page, unit);

  // The next sign-in asks for the code.
  await signOut(page);
  await page.getByLabel('Электронная почта').fill(person.email);
  await page.getByLabel('Пароль').fill(person.password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByLabel('Одноразовый код').fill(await freshCode(secret, step));
  await page.getByRole('button', { name: 'Войти' }).click();
  await expectDashboard(page, unit);
  await expect(page.getByRole('link', { name: 'Организации' })).toBeVisible();
});
