import { expect, test } from '@playwright/test';
import { ADMIN, ROOT_ORGANIZATION } from './support/accounts';
import { invite } from './support/invitations';
import { saveScreenshot, selectOrganization, signIn } from './support/pages';

test('the audit page lists the actions (organization created, member invited, logins), with times in the organization time zone', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  // Something fresh to find at the top of the journal.
  await selectOrganization(page, ROOT_ORGANIZATION);
  await page.getByRole('button', { name: 'Добавить подчинённую организацию' }).click();
  await page.getByLabel('Название подчинённой организации').fill('Агентство по делам молодёжи');
  await page.getByRole('button', { name: 'Создать организацию' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Агентство по делам молодёжи' })).toBeVisible();
  await invite(page, { email: 'volkova@vestnik.test', name: 'Елена Волкова' }, 'Наблюдатель');

  await selectOrganization(page, ROOT_ORGANIZATION);
  await page.getByRole('link', { name: 'Журнал действий' }).click();
  await expect(page).toHaveURL(/\/audit\?organizationId=/);
  await expect(page).toHaveTitle('Журнал действий — Вестник');
  await expect(page.getByText('Время указано по часовому поясу организации: Южно-Сахалинск, МСК+8 (Asia/Sakhalin).')).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Время, Asia/Sakhalin (МСК+8)' })).toBeVisible();

  const table = page.getByRole('table');
  const newest = table.getByRole('row').nth(1);
  await expect(newest).toContainText('Приглашён сотрудник');
  await expect(newest).toContainText('Приглашение volkova@vestnik.test');
  await expect(newest).toContainText('Роль: Наблюдатель');
  await expect(newest).toContainText(ADMIN.email);
  const created = table.getByRole('row').nth(2);
  await expect(created).toContainText('Создана организация');
  await expect(created).toContainText('Организация «Агентство по делам молодёжи»');

  // The journal shows what happened before in the subtree too.
  await expect(table.getByRole('row').filter({ hasText: 'Первоначальная настройка' })).toHaveCount(1);
  await expect(table.getByRole('row').filter({ hasText: 'Вход в систему' }).first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Записи 1–\d+ из \d+/ })).toBeVisible();

  // The newest entry's time is in Sakhalin time (UTC+11), not the browser's Moscow time.
  const shown = (await newest.getByRole('cell').first().textContent())?.trim() ?? '';
  const expected = new Intl.DateTimeFormat('ru-RU', {
    timeZone: 'Asia/Sakhalin',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
  }).format(new Date());
  expect(shown.slice(0, expected.length)).toBe(expected);
  await saveScreenshot(page, '12-audit');

  // A date filter in the future empties the list.
  await page.getByLabel('С даты').fill('2099-01-01');
  await page.getByRole('button', { name: 'Показать' }).click();
  await expect(page.getByText('За выбранный период записей нет.')).toBeVisible();
  await expect(page).toHaveURL(/from=2099-01-01/);
});
