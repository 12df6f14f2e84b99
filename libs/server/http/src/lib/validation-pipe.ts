import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, describeRule } from '@vestnik/contracts';
import { ApiException } from './api-exception';

/** Flattens nested class-validator errors into `{field, rule, message}` with dotted paths. */
export function toFieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    for (const [rule, original] of Object.entries(e.constraints ?? {})) {
      const constraints = extractConstraints(rule, original);
      out.push({ field, rule, message: describeRule(field, rule, { constraints }) });
    }
    if (e.children?.length) out.push(...toFieldErrors(e.children, field));
  }
  return out;
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

/** The API's one validation pipe: unknown fields refused, 400 naming each field and rule in Russian. */
export function apiValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fieldErrors = toFieldErrors(errors);
      const first = fieldErrors[0];
      return new ApiException(400, 'validation_failed', first ? `Проверьте данные: ${first.message}` : 'Проверьте данные', { errors: fieldErrors });
    },
  });
}
