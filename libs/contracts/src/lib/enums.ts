/** A role held on an organization holds on its whole subtree. Ordered from most to least powerful. */
export const ROLES = ['admin', 'supervisor', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Администратор',
  supervisor: 'Руководитель (согласует)',
  editor: 'Редактор',
  viewer: 'Наблюдатель',
};

/** True when `held` grants at least what `needed` requires. */
export function roleAtLeast(held: Role, needed: Role): boolean {
  return ROLES.indexOf(held) <= ROLES.indexOf(needed);
}

/** The stronger of two roles (used when a user holds roles on several ancestors). */
export function strongerRole(a: Role, b: Role): Role {
  return ROLES.indexOf(a) <= ROLES.indexOf(b) ? a : b;
}

export const PLATFORMS = ['vk', 'ok', 'telegram', 'max'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Languages of the editor's interface: Russian first, English complete. */
export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const RUBRICS = ['official', 'useful', 'entertaining'] as const;
export type Rubric = (typeof RUBRICS)[number];

export const RUBRIC_LABELS: Record<Rubric, string> = {
  official: 'Официальное',
  useful: 'Полезное',
  entertaining: 'Развлекательное',
};

/** Minimum password length for every account. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export * from './lifecycle';
