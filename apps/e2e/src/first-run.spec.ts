import { expect, test } from '@playwright/test';
import { ADMIN, ROOT_ORGANIZATION, ROOT_TIME_ZONE } from './support/accounts';
import { expectAccessible } from './support/axe';
import { expectDashboard, openOrganizations, saveScreenshot, treeEntry } from './support/pages';

test('first run: the setup page checks the form, creates the root organization and shows the tree', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page).toHaveTitle('Первоначальная настройка — Вестник');
  await expect(page.getByRole('heading', { name: 'Первоначальная настройка' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await saveScreenshot(page, '01-setup');
  await expectAccessible(page, 'setup page');

  // Empty form: each required field says so under itself, and focus goes to the first one.
  const submit = page.getByRole('button', { name: 'Создать организацию и войти' });
  await submit.click();
  const orgName = page.getByLabel('Название организации');
  await expect(orgName).toBeFocused();
  await expect(orgName).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Поле «Название организации» обязательно')).toBeVisible();
  await expect(page.getByText('Поле «Имя и фамилия» обязательно')).toBeVisible();
  await expect(page.getByText('Поле «Электронная почта» обязательно')).toBeVisible();
  const describedBy = (await orgName.getAttribute('aria-describedby')) ?? '';
  const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
  expect(errorId).toBeTruthy();
  await expect(page.locator(`[id="${errorId}"]`)).toHaveText(/обязательно/);

  // Wrong-shaped values.
  await page.getByLabel('Электронная почта').fill('anna@');
  await page.getByLabel('Пароль', { exact: true }).fill('короткий');
  await page.getByLabel('Пароль ещё раз').fill('другой');
  await submit.click();
  await expect(page.getByText('Поле «Электронная почта» должно быть адресом электронной почты')).toBeVisible();
  await expect(page.getByText('Поле «Пароль» должно быть не короче 10 символов')).toBeVisible();
  await expect(page.getByText('Пароли не совпадают')).toBeVisible();
  await saveScreenshot(page, '02-setup-validation');
  await expectAccessible(page, 'setup page with its errors');

  // Russian zones come first, labelled against Moscow time.
  const zone = page.getByLabel('Часовой пояс');
  await expect(zone.locator('optgroup').first()).toHaveAttribute('label', 'Россия');
  await expect(zone.locator(`option[value="${ROOT_TIME_ZONE}"]`)).toHaveText(/^МСК\+8 — Южно-Сахалинск/);

  await orgName.fill(ROOT_ORGANIZATION);
  await zone.selectOption(ROOT_TIME_ZONE);
  await page.getByLabel('Имя и фамилия').fill(ADMIN.name);
  await page.getByLabel('Электронная почта').fill(ADMIN.email);
  await page.getByLabel('Пароль', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Пароль ещё раз').fill(ADMIN.password);
  await submit.click();

  // The editor opens on the dashboard; with no page connected yet it says how to start.
  await expect(page).toHaveURL(/\/(\?.*)?$/);
  await expectDashboard(page, ROOT_ORGANIZATION);
  await expect(page.getByText(`У «${ROOT_ORGANIZATION}» и подчинённых пока нет подключённых страниц.`)).toBeVisible();
  await openOrganizations(page);
  await expect(treeEntry(page, ROOT_ORGANIZATION)).toBeVisible();
  await expect(treeEntry(page, ROOT_ORGANIZATION)).toContainText('Asia/Sakhalin (МСК+8) · Администратор');
  await expect(page.getByRole('banner')).toContainText(ADMIN.name);
  // The root is selected by default and its details are shown.
  await expect(page.getByRole('heading', { level: 2, name: ROOT_ORGANIZATION })).toBeVisible();
  await expect(page.getByText('Южно-Сахалинск, МСК+8 (Asia/Sakhalin)')).toBeVisible();
  await saveScreenshot(page, '03-organizations-after-setup');

  // Setup is closed now: its page sends people onward, and the API refuses a second run.
  await page.goto('/setup');
  await expect(page).not.toHaveURL(/\/setup/);
  const again = await page.request.post('/api/v1/setup', {
    data: {
      organization: { name: 'Ещё одна', timezone: 'Europe/Moscow' },
      admin: { email: 'other@vestnik.test', password: 'другой-пароль-2025', name: 'Другой' },
    },
  });
  expect(again.status()).toBe(409);
});
