import { AbstractControl, FormGroup, ValidatorFn } from '@angular/forms';
import { isIanaTimeZone, type FieldError } from '@vestnik/contracts';
import type { ServerFieldError } from './control-messages';

/** Close to class-validator's `isEmail`: a dot in the domain is required, so "a@b" is caught before sending. */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** Client-side rules that mirror the server's class-validator rules, reporting Angular-style errors. */
export const FieldRules = {
  /** Required, and spaces alone do not count. */
  filled: ((control: AbstractControl) =>
    typeof control.value === 'string' && control.value.trim() === '' ? { required: true } : null) as ValidatorFn,

  email: ((control: AbstractControl) =>
    !control.value || EMAIL.test(String(control.value).trim()) ? null : { email: true }) as ValidatorFn,

  timeZone: ((control: AbstractControl) =>
    !control.value || isIanaTimeZone(control.value) ? null : { timeZone: true }) as ValidatorFn,

  /**
   * The value must equal the sibling control's (password confirmation). Give the message as a
   * function (`() => this.t(key)`) and it follows a switch of the interface's language.
   */
  sameAs(sibling: string, message: string | (() => string)): ValidatorFn {
    return (control: AbstractControl) => {
      const other = control.parent?.get(sibling);
      return !control.value || !other || other.value === control.value ? null : { mismatch: message };
    };
  },
};

/**
 * Puts each server field error on the matching control (`admin.email` → `form.get('admin.email')`),
 * so it shows under that field. Returns the errors that match no field, for a message above the form.
 */
export function applyServerErrors(form: AbstractControl, errors: readonly FieldError[] | undefined): FieldError[] {
  const unplaced: FieldError[] = [];
  for (const error of errors ?? []) {
    const control = form.get(error.field) ?? form.get(error.field.split('.').pop() ?? '');
    if (!control || control instanceof FormGroup) {
      unplaced.push(error);
      continue;
    }
    // Only the first server message per field is kept: one clear sentence reads better than a list.
    if (!control.hasError('server')) {
      const server: ServerFieldError = { field: error.field, rule: error.rule, message: error.message };
      control.setErrors({ ...(control.errors ?? {}), server });
    }
    control.markAsTouched();
  }
  return unplaced;
}
