/** The people the tests act as; the first-run test creates the administrator. */
export const ROOT_ORGANIZATION = 'Правительство Сахалинской области';
export const ROOT_TIME_ZONE = 'Asia/Sakhalin';

export const ADMIN = {
  name: 'Анна Петрова',
  email: 'admin@vestnik.test',
  password: 'надёжный-пароль-2025',
};
