import { Page, expect } from '@playwright/test';
import { selectOrganization, signOut } from './pages';

/**
 * Invites a person from the members section of the organization shown; answers the path of the
 * one-time link (no e-mail is configured in these tests, so the editor shows it once).
 */
export async function invite(page: Page, who: { email: string; name?: string }, role: string): Promise<string> {
  const members = page.getByRole('region', { name: 'Сотрудники' });
  await members.getByRole('button', { name: 'Пригласить сотрудника' }).click();
  await members.getByLabel('Электронная почта сотрудника').fill(who.email);
  if (who.name) await members.getByLabel('Имя и фамилия').fill(who.name);
  await members.getByLabel('Роль', { exact: true }).selectOption({ label: role });
  await members.getByRole('button', { name: 'Пригласить', exact: true }).click();
  const link = members.getByRole('textbox', { name: `Ссылка: Приглашение для ${who.email}` });
  await expect(link).toBeVisible();
  return new URL(await link.inputValue()).pathname;
}

/** Opens the link and creates the account; the person is signed in afterwards. */
export async function acceptAsNewPerson(page: Page, path: string, who: { name: string; password: string }): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: 'Приглашение в Вестник' })).toBeVisible();
  await page.getByLabel('Имя и фамилия').fill(who.name);
  await page.getByLabel('Новый пароль').fill(who.password);
  await page.getByLabel('Пароль ещё раз').fill(who.password);
  await page.getByRole('button', { name: 'Создать учётную запись и войти' }).click();
  await expect(page).not.toHaveURL(/\/invite\//);
}

/** The admin (signed in) invites; the person accepts and signs out: nobody is signed in afterwards. */
export async function addMember(page: Page, organization: string, who: { email: string; name: string; password: string }, role: string): Promise<void> {
  await selectOrganization(page, organization);
  const path = await invite(page, who, role);
  await signOut(page);
  await acceptAsNewPerson(page, path, who);
  await signOut(page);
}
