import { expect, test } from '@playwright/test';
import { ADMIN, ROOT_ORGANIZATION } from './support/accounts';
import { saveScreenshot, selectOrganization, signIn, treeEntry } from './support/pages';

const MINISTRY = 'Министерство образования';
const SCHOOL = 'МБОУ «Средняя школа № 1»';
const EDITOR = { name: 'Иван Смирнов', email: 'smirnov@vestnik.test', password: 'пароль-редактора-2025' };

test.describe.configure({ mode: 'serial' });

test('create child organizations and see them nested in the tree', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await selectOrganization(page, ROOT_ORGANIZATION);

  await page.getByRole('button', { name: 'Добавить подчинённую организацию' }).click();
  await page.getByRole('button', { name: 'Создать организацию' }).click();
  await expect(page.getByText('Поле «Название подчинённой организации» обязательно')).toBeVisible();

  await page.getByLabel('Название подчинённой организации').fill(MINISTRY);
  // Inheriting the parent's zone is the default.
  await expect(page.getByLabel('Часовой пояс подчинённой организации')).toHaveValue('');
  await page.getByRole('button', { name: 'Создать организацию' }).click();

  // The new organization is selected and shows where its zone comes from.
  await expect(page.getByRole('heading', { level: 2, name: MINISTRY })).toBeVisible();
  await expect(page.getByText(`унаследован от «${ROOT_ORGANIZATION}»`)).toBeVisible();
  await expect(page).toHaveURL(/[?&]org=/);

  await page.getByRole('button', { name: 'Добавить подчинённую организацию' }).click();
  await page.getByLabel('Название подчинённой организации').fill(SCHOOL);
  await page.getByLabel('Часовой пояс подчинённой организации').selectOption('Asia/Vladivostok');
  await page.getByRole('button', { name: 'Создать организацию' }).click();
  await expect(page.getByRole('heading', { level: 2, name: SCHOOL })).toBeVisible();
  await expect(page.getByText('задан для этой организации')).toBeVisible();

  // Nested: region → ministry → school.
  const tree = page.getByRole('navigation', { name: 'Структура' });
  const entry = (name: string) => page.getByRole('button', { name: new RegExp(`^${name.replace(/[«»№]/g, '.')}`) });
  const rootItem = tree.getByRole('listitem').filter({ has: entry(ROOT_ORGANIZATION) });
  const ministryItem = rootItem.getByRole('listitem').filter({ has: entry(MINISTRY) });
  await expect(ministryItem.getByRole('listitem').filter({ has: entry(SCHOOL) })).toBeVisible();
  await expect(treeEntry(page, SCHOOL)).toContainText('Asia/Vladivostok (МСК+7)');
  await saveScreenshot(page, '08-organizations-tree');

  // Collapsing the ministry hides the school; expanding shows it again.
  const collapse = page.getByRole('button', { name: `Свернуть «${MINISTRY}»` });
  await expect(collapse).toHaveAttribute('aria-expanded', 'true');
  await collapse.click();
  await expect(treeEntry(page, SCHOOL)).toBeHidden();
  await page.getByRole('button', { name: `Развернуть «${MINISTRY}»` }).click();
  await expect(treeEntry(page, SCHOOL)).toBeVisible();

  // The tree survives a reload, selection included.
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: SCHOOL })).toBeVisible();
});

test('edit an organization: rename and return to the inherited zone', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await selectOrganization(page, SCHOOL);
  await page.getByRole('button', { name: 'Изменить' }).click();
  await expect(page.getByLabel('Название')).toHaveValue(SCHOOL);
  await saveScreenshot(page, '17-organization-edit');
  await page.getByLabel('Часовой пояс').selectOption({ label: 'Как у вышестоящей организации' });
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Изменения сохранены.')).toBeVisible();
  await expect(page.getByText(`унаследован от «${ROOT_ORGANIZATION}»`)).toBeVisible();
  await expect(treeEntry(page, SCHOOL)).toContainText('Asia/Sakhalin (МСК+8)');
});

test('add a member: the server asks for a password for a new account, then the member is listed', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await selectOrganization(page, MINISTRY);
  const members = page.getByRole('region', { name: 'Сотрудники' });
  // Only people appointed here are listed; the root's administrator holds his role from above.
  await expect(members.getByText('В организации пока нет сотрудников.')).toBeVisible();

  await members.getByRole('button', { name: 'Добавить сотрудника' }).click();
  await members.getByLabel('Электронная почта сотрудника').fill(EDITOR.email);
  await members.getByLabel('Имя и фамилия сотрудника').fill(EDITOR.name);
  await members.getByLabel('Роль', { exact: true }).selectOption({ label: 'Редактор' });
  await members.getByRole('button', { name: 'Добавить сотрудника' }).click();
  // Only the server knows the account is new: its error shows under the password field.
  const password = members.getByLabel('Начальный пароль');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(members.locator('.field__error')).toHaveCount(1);
  await saveScreenshot(page, '09-member-add-server-error');

  await password.fill(EDITOR.password);
  await members.getByRole('button', { name: 'Добавить сотрудника' }).click();
  await expect(members.getByText(`${EDITOR.name} добавлен(а) с ролью «Редактор».`)).toBeVisible();
  const row = members.getByRole('row').filter({ hasText: EDITOR.email });
  await expect(row).toContainText('Редактор');
  await saveScreenshot(page, '10-members');

  // The new editor can sign in and sees the ministry, but not the administration tools.
  await page.getByRole('button', { name: 'Выйти' }).click();
  await signIn(page, EDITOR.email, EDITOR.password);
  await expect(treeEntry(page, MINISTRY)).toContainText('Редактор');
  await expect(treeEntry(page, ROOT_ORGANIZATION)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Изменить' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Сотрудники' })).toHaveCount(0);
});

test('archive an organization and return it', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await selectOrganization(page, SCHOOL);
  await page.getByRole('button', { name: 'В архив' }).click();
  await saveScreenshot(page, '18-organization-archive-confirm');
  await page.getByRole('button', { name: 'Да, в архив' }).click();
  await expect(page.getByText(`«${SCHOOL}» перемещена в архив.`)).toBeVisible();
  await expect(page.getByLabel('Показывать архивные')).toBeChecked();
  await expect(treeEntry(page, SCHOOL)).toContainText('в архиве');
  await saveScreenshot(page, '11-organization-archived');

  await page.getByLabel('Показывать архивные').uncheck();
  await expect(treeEntry(page, SCHOOL)).toBeHidden();
  await page.getByLabel('Показывать архивные').check();
  await selectOrganization(page, SCHOOL);
  await page.getByRole('button', { name: 'Вернуть из архива' }).click();
  await expect(page.getByText(`«${SCHOOL}» возвращена из архива.`)).toBeVisible();
  await expect(treeEntry(page, SCHOOL)).not.toContainText('в архиве');
});

test('remove a member after confirmation', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await selectOrganization(page, MINISTRY);
  const members = page.getByRole('region', { name: 'Сотрудники' });
  const temp = { name: 'Ольга Временная', email: 'temp@vestnik.test' };
  await members.getByRole('button', { name: 'Добавить сотрудника' }).click();
  await members.getByLabel('Электронная почта сотрудника').fill(temp.email);
  await members.getByLabel('Имя и фамилия сотрудника').fill(temp.name);
  await members.getByLabel('Роль', { exact: true }).selectOption({ label: 'Наблюдатель' });
  await members.getByLabel('Начальный пароль').fill('временный-пароль-2025');
  await members.getByRole('button', { name: 'Добавить сотрудника' }).click();
  const row = members.getByRole('row').filter({ hasText: temp.email });
  await expect(row).toContainText('Наблюдатель');

  await row.getByRole('button', { name: `Удалить ${temp.name} из организации` }).click();
  await row.getByRole('button', { name: 'Да, удалить' }).click();
  await expect(members.getByText(`${temp.name} больше не имеет доступа к организации.`)).toBeVisible();
  await expect(members.getByRole('row').filter({ hasText: temp.email })).toHaveCount(0);
});

test('small screens: the pages stack into one column', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/login');
  await saveScreenshot(page, '19-mobile-login');
  await signIn(page, ADMIN.email, ADMIN.password);
  await selectOrganization(page, MINISTRY);
  const tree = await page.getByRole('navigation', { name: 'Структура' }).boundingBox();
  const detail = await page.getByRole('heading', { level: 2, name: MINISTRY }).boundingBox();
  // One column: the details come below the tree, and nothing is wider than the screen.
  expect(tree && detail && detail.y >= tree.y + tree.height).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await saveScreenshot(page, '20-mobile-organizations');
});
