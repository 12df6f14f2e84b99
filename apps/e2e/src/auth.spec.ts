import { expect, test } from '@playwright/test';
import { ADMIN, ROOT_ORGANIZATION } from './support/accounts';
import { saveScreenshot, signIn, signOut, treeEntry } from './support/pages';

test('sign out, then sign in again; a reload keeps the session', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(treeEntry(page, ROOT_ORGANIZATION)).toBeVisible();

  await page.reload();
  await expect(treeEntry(page, ROOT_ORGANIZATION)).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(ADMIN.name);

  await signOut(page);
  await expect(page.getByText('Вы вышли из системы.')).toBeVisible();
  await saveScreenshot(page, '04-login');
  // The token is gone: protected pages send back to the login page.
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);

  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(treeEntry(page, ROOT_ORGANIZATION)).toBeVisible();
});

test('a wrong password shows the Russian error and keeps what was typed', async ({ page }) => {
  await page.goto('/login');
  await expect(page).toHaveTitle('Вход — Вестник');
  await page.getByLabel('Электронная почта').fill(ADMIN.email);
  await page.getByLabel('Пароль').fill('неверный-пароль');
  await page.getByRole('button', { name: 'Войти' }).click();

  await expect(page.getByRole('alert')).toHaveText(/Неверный адрес электронной почты или пароль/);
  await expect(page.getByLabel('Электронная почта')).toHaveValue(ADMIN.email);
  await expect(page.getByLabel('Пароль')).toHaveValue('неверный-пароль');
  await expect(page.getByRole('button', { name: 'Войти' })).toBeEnabled();
  await saveScreenshot(page, '05-login-wrong-password');
});

test('login form: client-side and server-side validation errors show under their fields', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByText('Поле «Электронная почта» обязательно')).toBeVisible();
  await expect(page.getByText('Поле «Пароль» обязательно')).toBeVisible();
  await expect(page.getByLabel('Электронная почта')).toBeFocused();

  await page.getByLabel('Электронная почта').fill('ivanov@');
  await expect(page.getByText('Поле «Электронная почта» должно быть адресом электронной почты')).toBeVisible();

  // The server's `errors[]` land under the matching field, named by its label rather than its API path.
  await page.route('**/api/v1/auth/login', (route) =>
    route.fulfill({
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({
        statusCode: 400,
        code: 'validation_failed',
        message: 'Проверьте данные',
        errors: [{ field: 'password', rule: 'maxLength', message: 'Поле «password» должно быть не длиннее 200 символов' }],
      }),
    }),
  );
  await page.getByLabel('Электронная почта').fill('ivanov@vestnik.test');
  await page.getByLabel('Пароль').fill('что-то');
  await page.getByRole('button', { name: 'Войти' }).click();
  const password = page.getByLabel('Пароль');
  await expect(page.getByText('Поле «Пароль» должно быть не длиннее 200 символов')).toBeVisible();
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toBeFocused();
  await saveScreenshot(page, '06-login-validation');
  // Editing the field clears the server's complaint.
  await password.fill('что-то другое');
  await expect(page.getByText('Поле «Пароль» должно быть не длиннее 200 символов')).toBeHidden();
});

test('too many failed attempts: the answer says how long to wait', async ({ page }) => {
  // The e2e server allows 3 failures per account (LOGIN_MAX_FAILURES_PER_ACCOUNT=3).
  await page.goto('/login');
  await page.getByLabel('Электронная почта').fill('nobody@vestnik.test');
  const alert = page.getByRole('alert');
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel('Пароль').fill(`неверный-${attempt}`);
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect(alert).toBeVisible();
    if (/Осталось ждать/.test((await alert.textContent()) ?? '')) break;
  }
  await expect(alert).toContainText(/Осталось ждать: \d+\s(мин|с)/);
  await expect(page.getByRole('button', { name: 'Войти' })).toBeDisabled();
  await expect(page.getByLabel('Электронная почта')).toHaveValue('nobody@vestnik.test');
  await saveScreenshot(page, '07-login-too-many-attempts');
});

test('an expired or broken token sends the user to the login page with an explanation', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(treeEntry(page, ROOT_ORGANIZATION)).toBeVisible();
  await page.evaluate(() => {
    const stored = JSON.parse(sessionStorage.getItem('vestnik.session') ?? '{}');
    sessionStorage.setItem('vestnik.session', JSON.stringify({ ...stored, token: 'broken.token.value' }));
  });
  await page.reload();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText('Сеанс работы завершён. Войдите снова, чтобы продолжить.')).toBeVisible();
});

test('a setup page opened before someone else finished setup explains it and links to the login page', async ({ page }) => {
  // Pretend this tab still believes setup is open; the real server answers 409 to the form.
  await page.route('**/api/v1/setup', (route) =>
    route.request().method() === 'GET'
      ? route.fulfill({ status: 200, contentType: 'application/json', body: '{"required":true}' })
      : route.continue(),
  );
  await page.goto('/setup');
  await page.getByLabel('Название организации').fill('Другая область');
  await page.getByLabel('Имя и фамилия').fill('Другой Администратор');
  await page.getByLabel('Электронная почта').fill('other@vestnik.test');
  await page.getByLabel('Пароль', { exact: true }).fill('другой-пароль-2025');
  await page.getByLabel('Пароль ещё раз').fill('другой-пароль-2025');
  await page.getByRole('button', { name: 'Создать организацию и войти' }).click();
  await expect(page.getByText('Настройка уже выполнена')).toBeVisible();
  await page.unroute('**/api/v1/setup');
  await page.getByRole('link', { name: 'Перейти ко входу' }).click();
  await expect(page).toHaveURL(/\/login$/);
});
