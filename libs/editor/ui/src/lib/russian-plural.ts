/** The three Russian forms of a counted noun: for 1 (публикация), 2–4 (публикации), 5–20 (публикаций). */
export type PluralForms = readonly [one: string, few: string, many: string];

/** The form that goes with `count`: 1, 21, 101 → one; 2–4, 22–24 → few; 0, 5–20, 11–14, 111 → many. */
export function pluralForm(count: number, forms: PluralForms): string {
  const whole = Math.trunc(Math.abs(count));
  const lastTwo = whole % 100;
  const last = whole % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return forms[2];
  if (last === 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
}

/** «1 публикация», «2 публикации», «5 публикаций». */
export function countText(count: number, forms: PluralForms): string {
  return `${count} ${pluralForm(count, forms)}`;
}

export const PUBLICATION_FORMS: PluralForms = ['публикация', 'публикации', 'публикаций'];
export const PAGE_FORMS: PluralForms = ['страница', 'страницы', 'страниц'];
export const DAY_FORMS: PluralForms = ['день', 'дня', 'дней'];
export const FAILURE_FORMS: PluralForms = ['сбой', 'сбоя', 'сбоев'];
