import type { ValidationErrors } from '@angular/forms';
import { describeRule } from '@vestnik/contracts';

/** A server `errors[]` entry stored on a control until the user edits the field. */
export interface ServerFieldError {
  field: string;
  message: string;
}

const PRIORITY = ['server', 'required', 'email', 'minlength', 'maxlength', 'pattern', 'timeZone', 'mismatch'];

/** Server messages name the field by its API path («admin.email»); people should see its label. */
function relabel(error: ServerFieldError, label: string): string {
  const last = error.field.split('.').pop() ?? error.field;
  return error.message.replace(`«${error.field}»`, `«${label}»`).replace(`«${last}»`, `«${label}»`);
}

/** The Russian message for a control's first broken rule, worded like the server's `describeRule`. */
export function describeControlErrors(
  errors: ValidationErrors | null,
  label: string,
  overrides: Readonly<Record<string, string>> = {},
): string | null {
  if (!errors) return null;
  const keys = Object.keys(errors);
  if (keys.length === 0) return null;
  const key = PRIORITY.find((k) => k in errors) ?? keys[0];
  const value: unknown = errors[key];
  const override = overrides[key];
  if (override) return override;
  switch (key) {
    case 'server':
      return relabel(value as ServerFieldError, label);
    case 'required':
      return describeRule(label, 'isNotEmpty');
    case 'email':
      return describeRule(label, 'isEmail');
    case 'minlength':
      return describeRule(label, 'minLength', { constraints: [(value as { requiredLength: number }).requiredLength] });
    case 'maxlength':
      return describeRule(label, 'maxLength', { constraints: [(value as { requiredLength: number }).requiredLength] });
    case 'pattern':
      return describeRule(label, 'matches');
    case 'timeZone':
      return describeRule(label, 'isTimeZone');
    default:
      return typeof value === 'string' ? value : describeRule(label, key);
  }
}
