import { APIRequestContext, expect, test } from '@playwright/test';
import { ADMIN, ROOT_ORGANIZATION } from './support/accounts';
import { expectDashboard, saveScreenshot, signIn, signOut, treeEntry } from './support/pages';

/** A viewer of the root organization, invited and accepted through the API: these tests are about sessions. */
async function createViewer(request: APIRequestContext, who: { name: string; email: string; password: string }): Promise<void> {
  const signedIn = await request.post('/api/v1/auth/login', { data: { email: ADMIN.email, password: ADMIN.password } });
  expect(signedIn.status()).toBe(200);
  const { accessToken, user } = (await signedIn.json()) as { accessToken: string; user: { memberships: { organizationId: string }[] } };
  const headers = { Authorization: `Bearer ${accessToken}` };
  const invited = await request.post(`/api/v1/organizations/${user.memberships[0].organizationId}/members`, {
    headers,
    data: { email: who.email, name: who.name, role: 'viewer', showLink: true },
  });
  expect(invited.status()).toBe(201);
  const token = new URL(((await invited.json()) as { inviteUrl: string }).inviteUrl).pathname.split('/invite/')[1];
  expect((await request.post(`/api/v1/invitations/${token}/accept`, { data: { name: who.name, password: who.password } })).status()).toBe(200);
  expect((await request.post('/api/v1/auth/logout', { headers })).status()).toBe(204);
}

test('sign out, then sign in again; a reload keeps the session', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expectDashboard(page, ROOT_ORGANIZATION);

  await page.reload();
  await expectDashboard(page, ROOT_ORGANIZATION);
  await expect(page.getByRole('banner')).toContainText(ADMIN.name);

  await signOut(page);
  await expect(page.getByText('Вы вышли из системы.')).toBeVisible();
  await saveScreenshot(page, '04-login');
  // The token is gone: protected pages send back to the login page.
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);

  await signIn(page, ADMIN.email, ADMIN.password);
  await expectDashboard(page, ROOT_ORGANIZATION);
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
    // Read each answer itself: the alert on screen may still be the previous one.
    const [answer] = await Promise.all([page.waitForResponse('**/api/v1/auth/login'), page.getByRole('button', { name: 'Войти' }).click()]);
    if (answer.status() === 429) break;
    await expect(alert).toContainText('Неверный адрес электронной почты или пароль');
  }
  await expect(alert).toContainText(/Осталось ждать: \d+\s(мин|с)/);
  await expect(page.getByRole('button', { name: 'Войти' })).toBeDisabled();
  await expect(page.getByLabel('Электронная почта')).toHaveValue('nobody@vestnik.test');
  await saveScreenshot(page, '07-login-too-many-attempts');
});

test('the session lives in an HttpOnly cookie: page scripts cannot read the token, nothing is kept in storage', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expectDashboard(page, ROOT_ORGANIZATION);
  const readable = await page.evaluate(() => ({ cookie: document.cookie, storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) }));
  expect(readable.cookie).not.toContain('vestnik_session');
  expect(readable.cookie).toContain('vestnik_csrf=');
  // A JWT starts with a base64 `{"` ("eyJ"): none anywhere a script can look.
  expect(readable.cookie + readable.storage).not.toContain('eyJ');
  const session = (await page.context().cookies()).find((c) => c.name === 'vestnik_session');
  expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/api' });
});

test('an expired or broken session sends the user to the login page with an explanation', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expectDashboard(page, ROOT_ORGANIZATION);
  const [session] = (await page.context().cookies()).filter((c) => c.name === 'vestnik_session');
  await page.context().addCookies([{ ...session, value: 'broken.token.value' }]);
  await page.reload();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText('Сеанс работы завершён. Войдите снова, чтобы продолжить.')).toBeVisible();
});

test('after signing out, going back does not show the pages of the session', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole('link', { name: 'Безопасность' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Безопасность' })).toBeVisible();
  await signOut(page);
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain('vestnik_session');

  await page.goBack();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { level: 1, name: 'Безопасность' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Выйти' })).toHaveCount(0);
  await page.goto('/security');
  await expect(page).toHaveURL(/\/login/);
});

test('changing the password ends the session in another browser; the old password stops working', async ({ page, browser, request }) => {
  const person = { name: 'Игорь Сменов', email: 'smenov@vestnik.test', password: 'старый-пароль-2025' };
  const newPassword = 'новый-пароль-2025';
  await createViewer(request, person);

  const elsewhere = await browser.newContext();
  try {
    const other = await elsewhere.newPage();
    await signIn(other, person.email, person.password);
    await expectDashboard(other, ROOT_ORGANIZATION);

    await signIn(page, person.email, person.password);
    await page.getByRole('link', { name: 'Безопасность' }).click();
    const form = page.getByRole('region', { name: 'Пароль', exact: true });
    // Wrong current password: the error stands beside that field.
    await form.getByLabel('Текущий пароль').fill('не-тот-пароль');
    await form.getByLabel('Новый пароль', { exact: true }).fill(newPassword);
    await form.getByLabel('Новый пароль ещё раз').fill(newPassword);
    await form.getByRole('button', { name: 'Сменить пароль' }).click();
    await expect(form.getByLabel('Текущий пароль')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByText('Текущий пароль введён неверно')).toBeVisible();
    await saveScreenshot(page, '17-password-change-wrong');

    await form.getByLabel('Текущий пароль').fill(person.password);
    await form.getByRole('button', { name: 'Сменить пароль' }).click();
    await expect(form.getByText('Пароль изменён.')).toBeVisible();
    // This tab goes on with its new session…
    await page.getByRole('link', { name: 'Организации' }).click();
    await expect(treeEntry(page, ROOT_ORGANIZATION)).toBeVisible();

    // …the other browser's session is over at its next request.
    await other.reload();
    await expect(other).toHaveURL(/\/login/);
    await expect(other.getByText('Сеанс работы завершён. Войдите снова, чтобы продолжить.')).toBeVisible();
    await other.getByLabel('Электронная почта').fill(person.email);
    await other.getByLabel('Пароль', { exact: true }).fill(person.password);
    await other.getByRole('button', { name: 'Войти' }).click();
    await expect(other.getByRole('alert')).toHaveText(/Неверный адрес электронной почты или пароль/);
    await other.getByLabel('Пароль', { exact: true }).fill(newPassword);
    await other.getByRole('button', { name: 'Войти' }).click();
    await expectDashboard(other, ROOT_ORGANIZATION);
  } finally {
    await elsewhere.close();
  }
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
