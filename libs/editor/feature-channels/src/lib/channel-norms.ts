import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { RUBRICS, RUBRIC_LABELS, type RubricMix } from '@vestnik/contracts';
import { countText } from '@vestnik/editor/ui';

/** A whole number from `min` to `max` typed as text; empty is allowed (the field is optional). */
export function wholeNumberBetween(min: number, max: number): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value = String(control.value ?? '').trim();
    if (value === '') return null;
    return /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max ? null : { range: `Укажите целое число от ${min} до ${max}` };
  };
}

/** The three shares must add up to 100 %. */
export const sharesMakeHundred: ValidatorFn = (group: AbstractControl): ValidationErrors | null => {
  const values = RUBRICS.map((r) => String(group.get(r)?.value ?? '').trim());
  if (values.some((v) => !/^\d+$/.test(v))) return null;
  const sum = values.reduce((a, v) => a + Number(v), 0);
  return sum === 100 ? null : { sum: `Доли рубрик вместе должны составлять 100 %, сейчас ${sum} %` };
};

/** «5 публикаций в неделю; официальное 50 %, полезное 30 %, развлекательное 20 %», or what is not set. */
export function describeNorms(weeklyMinimum: number | null, mix: RubricMix | null): string {
  const minimum = weeklyMinimum === null ? 'минимум в неделю не задан' : `не меньше ${countText(weeklyMinimum, ['публикации', 'публикаций', 'публикаций'])} в неделю`;
  const shares = mix ? RUBRICS.map((r) => `${RUBRIC_LABELS[r].toLowerCase()} ${mix[r]} %`).join(', ') : 'доли рубрик не заданы';
  return `${minimum}; ${shares}`;
}
