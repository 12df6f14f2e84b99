import type { ValidationErrors } from '@angular/forms';
import type { Language, Translate } from '@vestnik/editor/i18n';

/** A server `errors[]` entry stored on a control until the user edits the field. */
export interface ServerFieldError {
  field: string;
  /** The broken rule (`isEmail`, `minLength`…): the message is said in the person's language by it. */
  rule: string;
  /** The server's own (Russian) message: shown when the editor has no words for the rule. */
  message: string;
}

const PRIORITY = ['server', 'required', 'email', 'minlength', 'maxlength', 'pattern', 'timeZone', 'mismatch'];

/** Rules `forms.rule.*` words with nothing but the field's name (the ones with a limit need it, which a server error does not carry). */
const RULES_BY_NAME = new Set([
  'isNotEmpty',
  'isDefined',
  'isString',
  'isEmail',
  'isTimeZone',
  'isUuid',
  'isUUID',
  'isBoolean',
  'isInt',
  'isISO8601',
  'isDateString',
  'matches',
  'isYearMonth',
  'nestedValidation',
  'isObject',
  'whitelistValidation',
]);

/** Angular's error keys and the class-validator rules they stand for. */
const RULE_OF: Readonly<Record<string, string>> = { required: 'isNotEmpty', email: 'isEmail', pattern: 'matches', timeZone: 'isTimeZone' };

/** Server messages name the field by its API path («admin.email»); people should see its label. */
function relabel(error: ServerFieldError, label: string): string {
  const last = error.field.split('.').pop() ?? error.field;
  return error.message.replace(`«${error.field}»`, `«${label}»`).replace(`«${last}»`, `«${label}»`);
}

/** A rule's message for the field, in the current language, worded like the server's `describeRule`. */
function ruleMessage(rule: string, label: string, t: Translate, limit?: number): string {
  if (limit !== undefined && (rule === 'minLength' || rule === 'maxLength')) return t(`forms.rule.${rule}`, { field: label, limit });
  if (RULES_BY_NAME.has(rule)) return t(`forms.rule.${rule}`, { field: label });
  return t('forms.rule.other', { field: label, rule });
}

/**
 * The message for a control's first broken rule in the current language. A server error is shown
 * as the server wrote it (with the field's label) when the person reads Russian, the server's
 * language: it often says more than the rule (e.g. what a bot token looks like). In another
 * language it is said by its rule when `forms.rule` words it, else the server's message is shown.
 */
export function describeControlErrors(
  errors: ValidationErrors | null,
  label: string,
  t: Translate,
  lang: Language,
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
    case 'server': {
      const server = value as ServerFieldError;
      return lang !== 'ru' && RULES_BY_NAME.has(server.rule) ? ruleMessage(server.rule, label, t) : relabel(server, label);
    }
    case 'minlength':
      return ruleMessage('minLength', label, t, (value as { requiredLength: number }).requiredLength);
    case 'maxlength':
      return ruleMessage('maxLength', label, t, (value as { requiredLength: number }).requiredLength);
    default:
      // A page's own rule reports its message, or a function saying it in the current language.
      if (typeof value === 'string') return value;
      if (typeof value === 'function') return String(value());
      return ruleMessage(RULE_OF[key] ?? key, label, t);
  }
}
