import { expect, test } from '@playwright/test';
import { ADMIN, ROOT_ORGANIZATION } from './support/accounts';
import { addMember, invite } from './support/invitations';
import { openOrganizations, saveScreenshot, selectOrganization, signIn, signOut, treeEntry } from './support/pages';

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
  await page.getByLabel('Часовой пояс', { exact: true }).selectOption({ label: 'Как у вышестоящей организации' });
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Изменения сохранены.')).toBeVisible();
  await expect(page.getByText(`унаследован от «${ROOT_ORGANIZATION}»`)).toBeVisible();
  await expect(treeEntry(page, SCHOOL)).toContainText('Asia/Sakhalin (МСК+8)');
});

test('the header: the current organization with its zone, chosen by keyboard from a search; the page follows', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await openOrganizations(page);
  // One line at 1280 px: organization, sections, the person and sign-out.
  const header = await page.getByRole('banner').boundingBox();
  expect(header?.height).toBeLessThan(80);

  const switcher = page.getByRole('button', { name: /Сменить организацию/ });
  await expect(switcher).toContainText(ROOT_ORGANIZATION);
  await expect(switcher).toContainText('Asia/Sakhalin (МСК+8)');
  await switcher.click();
  const search = page.getByRole('combobox', { name: 'Найти организацию' });
  await expect(search).toBeFocused();
  const list = page.getByRole('listbox', { name: 'Организации' });
  // The whole tree, indented: region, ministry, school.
  for (const name of [ROOT_ORGANIZATION, MINISTRY, SCHOOL]) await expect(list.getByRole('option', { name })).toHaveCount(1);
  const indentOfSchool = await list.getByRole('option', { name: SCHOOL }).evaluate((option) => getComputedStyle(option).paddingLeft);
  const indentOfMinistry = await list.getByRole('option', { name: MINISTRY }).evaluate((option) => getComputedStyle(option).paddingLeft);
  expect(parseFloat(indentOfSchool)).toBeGreaterThan(parseFloat(indentOfMinistry));
  await search.fill('средняя ШКОЛА');
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option').first()).toContainText(SCHOOL);
  await expect(list.getByRole('option').first()).toContainText(MINISTRY);
  await search.press('Enter');

  await expect(list).toHaveCount(0);
  await expect(switcher).toBeFocused();
  await expect(switcher).toContainText(SCHOOL);
  await expect(page.getByRole('heading', { level: 2, name: SCHOOL })).toBeVisible();
  await expect(page).toHaveURL(/[?&]org=/);

  // Arrows move, Escape closes without choosing.
  await switcher.click();
  await search.press('ArrowUp');
  await search.press('Escape');
  await expect(list).toHaveCount(0);
  await expect(switcher).toContainText(SCHOOL);

  // A click in the tree moves the header along, and the choice outlives a visit without ?org=.
  await selectOrganization(page, MINISTRY);
  await expect(switcher).toContainText(MINISTRY);
  await page.goto('/organizations');
  await expect(page.getByRole('heading', { level: 2, name: MINISTRY })).toBeVisible();
});

test('invite a member: the link is shown once, the person creates the account and signs in', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await selectOrganization(page, MINISTRY);
  const members = page.getByRole('region', { name: 'Сотрудники' });
  // Only people appointed here are listed; the root's administrator holds his role from above.
  await expect(members.getByText('В организации пока нет сотрудников.')).toBeVisible();

  // The address is required; nobody chooses another person's password any more.
  await members.getByRole('button', { name: 'Пригласить сотрудника' }).click();
  await members.getByRole('button', { name: 'Пригласить', exact: true }).click();
  await expect(members.getByLabel('Электронная почта сотрудника')).toHaveAttribute('aria-invalid', 'true');
  await expect(members.getByLabel('Начальный пароль')).toHaveCount(0);
  await members.getByRole('button', { name: 'Отмена' }).click();

  const path = await invite(page, EDITOR, 'Редактор');
  // Invited, not yet a member: the address waits among the invitations.
  const pending = members.getByRole('table', { name: 'Приглашения, ожидающие ответа' });
  await expect(pending.getByRole('row').filter({ hasText: EDITOR.email })).toContainText('Редактор');
  await expect(members.getByText('В организации пока нет сотрудников.')).toBeVisible();
  await saveScreenshot(page, '09-member-invite-link');
  await signOut(page);

  // The person opens the link: organization, role and the suggested name are there.
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: 'Приглашение в Вестник' })).toBeVisible();
  await expect(page.getByText(MINISTRY)).toBeVisible();
  await expect(page.getByText('Редактор', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Имя и фамилия')).toHaveValue(EDITOR.name);
  await page.getByLabel('Новый пароль').fill('короткий');
  await page.getByLabel('Пароль ещё раз').fill('другой');
  await page.getByRole('button', { name: 'Создать учётную запись и войти' }).click();
  await expect(page.getByLabel('Новый пароль')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Пароли не совпадают')).toBeVisible();
  await saveScreenshot(page, '21-invitation-accept');
  await page.getByLabel('Новый пароль').fill(EDITOR.password);
  await page.getByLabel('Пароль ещё раз').fill(EDITOR.password);
  await page.getByRole('button', { name: 'Создать учётную запись и войти' }).click();

  // Signed in as the new editor: the ministry, but not the administration tools.
  await openOrganizations(page);
  await expect(treeEntry(page, MINISTRY)).toContainText('Редактор');
  await expect(treeEntry(page, ROOT_ORGANIZATION)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Изменить' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Сотрудники' })).toHaveCount(0);
  await signOut(page);

  // The link works once.
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: 'Ссылка не действует' })).toBeVisible();
  await expect(page.getByText('Приглашение уже принято')).toBeVisible();

  await signIn(page, EDITOR.email, EDITOR.password);
  await signOut(page);
  await signIn(page, ADMIN.email, ADMIN.password);
  await selectOrganization(page, MINISTRY);
  const row = members.getByRole('row').filter({ hasText: EDITOR.email });
  await expect(row).toContainText('Редактор');
  await expect(members.getByRole('table', { name: 'Приглашения, ожидающие ответа' })).toHaveCount(0);
  await saveScreenshot(page, '10-members');
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

test('reset a member\'s password, then remove the member, each after confirmation', async ({ page }) => {
  const temp = { name: 'Ольга Временная', email: 'temp@vestnik.test', password: 'временный-пароль-2025' };
  await signIn(page, ADMIN.email, ADMIN.password);
  await addMember(page, MINISTRY, temp, 'Наблюдатель');
  await signIn(page, ADMIN.email, ADMIN.password);
  await selectOrganization(page, MINISTRY);
  const members = page.getByRole('region', { name: 'Сотрудники' });
  const row = members.getByRole('row').filter({ hasText: temp.email });
  await expect(row).toContainText('Наблюдатель');

  // A reset ends the person's sessions and gives a one-time link to set a new password.
  await row.getByRole('button', { name: `Сбросить пароль: ${temp.name}` }).click();
  await expect(row.getByText('Сбросить пароль и завершить все сеансы?')).toBeVisible();
  await row.getByRole('button', { name: 'Да, сбросить' }).click();
  const link = members.getByRole('textbox', { name: `Ссылка: Смена пароля: ${temp.name}` });
  await expect(link).toBeVisible();
  const path = new URL(await link.inputValue()).pathname;
  await saveScreenshot(page, '22-member-password-reset');
  await signOut(page);

  await page.goto('/login');
  await page.getByLabel('Электронная почта').fill(temp.email);
  await page.getByLabel('Пароль', { exact: true }).fill(temp.password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByText('Неверный адрес электронной почты или пароль')).toBeVisible();
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: 'Новый пароль' })).toBeVisible();
  await page.getByLabel('Новый пароль').fill('новый-временный-пароль');
  await page.getByLabel('Пароль ещё раз').fill('новый-временный-пароль');
  await page.getByRole('button', { name: 'Сохранить пароль и войти' }).click();
  await openOrganizations(page);
  await expect(treeEntry(page, MINISTRY)).toContainText('Наблюдатель');
  await signOut(page);

  await signIn(page, ADMIN.email, ADMIN.password);
  await selectOrganization(page, MINISTRY);
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
