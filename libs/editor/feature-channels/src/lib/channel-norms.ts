import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { RUBRICS, type RubricMix } from '@vestnik/contracts';
import type { Translate } from '@vestnik/editor/i18n';

/** A whole number from `min` to `max` typed as text; empty is allowed (the field is optional). */
export function wholeNumberBetween(min: number, max: number, t: Translate): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value = String(control.value ?? '').trim();
    if (value === '') return null;
    return /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max ? null : { range: t('channels.norms.range', { min, max }) };
  };
}

/** The three shares must add up to 100 %. */
export function sharesMakeHundred(t: Translate): ValidatorFn {
  return (group: AbstractControl): ValidationErrors | null => {
    const values = RUBRICS.map((r) => String(group.get(r)?.value ?? '').trim());
    if (values.some((v) => !/^\d+$/.test(v))) return null;
    const sum = values.reduce((a, v) => a + Number(v), 0);
    return sum === 100 ? null : { sum: t('channels.norms.sum', { sum }) };
  };
}

/** «не меньше 5 публикаций в неделю; официальное 50 %, полезное 30 %, развлекательное 20 %», or what is not set. */
export function describeNorms(weeklyMinimum: number | null, mix: RubricMix | null, t: Translate): string {
  const minimum = weeklyMinimum === null ? t('channels.norms.noMinimum') : t('channels.norms.minimum', { count: weeklyMinimum });
  const shares = mix
    ? RUBRICS.map((r) => t('channels.norms.share', { rubric: t(`common.rubric.${r}`).toLowerCase(), share: mix[r] })).join(', ')
    : t('channels.norms.noShares');
  return t('channels.norms.summary', { minimum, shares });
}
