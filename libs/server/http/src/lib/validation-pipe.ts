import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, describeRule } from '@vestnik/contracts';
import { ApiException } from './api-exception';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Flattens nested class-validator errors into `{field, rule, message}` with dotted paths. A missing
 * value is reported once as missing (not as too short or of the wrong type); otherwise the type rule
 * comes before the limits, so the first message is the one worth reading.
 */
export function toFieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const constraints = Object.entries(e.constraints ?? {});
    const missing = e.value === undefined || e.value === null || (typeof e.value === 'string' && e.value.trim() === '');
    if (constraints.length && missing && !('whitelistValidation' in (e.constraints ?? {}))) {
      out.push({ field, rule: e.value === '' || typeof e.value === 'string' ? 'isNotEmpty' : 'isDefined', message: describeRule(field, 'isDefined') });
    } else {
      for (const [rule, original] of constraints.sort(([a], [b]) => rank(a) - rank(b))) {
        const args = { constraints: extractConstraints(rule, original) };
        const items = failingItems(e.value, rule);
        if (items.length) for (const i of items) out.push({ field: `${field}.${i}`, rule, message: describeRule(`${field}.${i}`, rule, args) });
        else out.push({ field, rule, message: describeRule(field, rule, args) });
      }
    }
    if (e.children?.length) out.push(...toFieldErrors(e.children, field));
  }
  return out;
}

/** Rules checked on each item of a list (`each: true`): the answer names the items that break them. */
const ITEM_CHECKS: Record<string, (value: unknown) => boolean> = {
  isUuid: (v) => typeof v === 'string' && UUID.test(v),
  isUUID: (v) => typeof v === 'string' && UUID.test(v),
  isString: (v) => typeof v === 'string',
  isInt: (v) => Number.isInteger(v),
};

function failingItems(value: unknown, rule: string): number[] {
  const check = ITEM_CHECKS[rule];
  if (!check || !Array.isArray(value)) return [];
  return value.flatMap((item, i) => (check(item) ? [] : [i]));
}

/** Presence first, then what kind of value it must be, then its limits. */
function rank(rule: string): number {
  if (rule === 'whitelistValidation' || rule === 'isDefined' || rule === 'isNotEmpty') return 0;
  if (/^is[A-Z]/.test(rule) || rule === 'nestedValidation') return 1;
  return 2;
}

// class-validator keeps constraint values only inside its own message; recover the number for min/max rules.
function extractConstraints(rule: string, message: string): unknown[] {
  if (['minLength', 'maxLength', 'min', 'max'].includes(rule)) {
    const m = message.match(/(-?\d+(?:\.\d+)?)/);
    return m ? [Number(m[1])] : [];
  }
  if (rule === 'isIn' || rule === 'isEnum') {
    const m = message.match(/following values: (.*)$/);
    return m ? [m[1].split(',').map((s) => s.trim())] : [];
  }
  return [];
}

/** Path parameters that name a record: `id`, `userId`, `invitationId`… */
const ID_PARAM = /^(id|[a-z][A-Za-z]*Id)$/;

/** Refuses a malformed record id in the path with 400 naming it, before any lookup. */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'param' && metadata.data && ID_PARAM.test(metadata.data) && typeof value === 'string' && !UUID.test(value)) {
      const error: FieldError = { field: metadata.data, rule: 'isUUID', message: describeRule(metadata.data, 'isUUID') };
      throw new ApiException(400, 'validation_failed', `Проверьте данные: ${error.message}`, { errors: [error] });
    }
    return super.transform(value, metadata);
  }
}

/** The API's one validation pipe: unknown fields refused, 400 naming each field and rule in Russian. */
export function apiValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    // The value is needed to tell a missing field from a wrong one; the target object is never echoed.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => {
      const fieldErrors = toFieldErrors(errors);
      const first = fieldErrors[0];
      return new ApiException(400, 'validation_failed', first ? `Проверьте данные: ${first.message}` : 'Проверьте данные', { errors: fieldErrors });
    },
  });
}
