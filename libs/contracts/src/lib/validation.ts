import { ValidationOptions, registerDecorator, ValidationArguments } from 'class-validator';
import { isIanaTimeZone } from './timezone';

/** Validates an IANA time zone name. */
export function IsTimeZone(options?: ValidationOptions) {
  return function (object: object, propertyName: string) {
    registerDecorator({
      name: 'isTimeZone',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => isIanaTimeZone(value),
      },
    });
  };
}

/** One broken rule of one field, as the API answers it and the editor shows it. */
export interface FieldError {
  /** Dotted path, e.g. `admin.email`. */
  field: string;
  /** The rule's name, e.g. `isEmail`, `minLength`. */
  rule: string;
  /** Russian, for people. */
  message: string;
}

/** The body of every 4xx/5xx answer of the API. */
export interface ApiErrorBody {
  statusCode: number;
  /** Stable machine code, e.g. `validation_failed`, `not_found`, `totp_required`. */
  code: string;
  message: string;
  errors?: FieldError[];
}

/** Russian text for a broken class-validator rule. */
export function describeRule(field: string, rule: string, args: { constraints?: unknown[] } = {}): string {
  const c = args.constraints ?? [];
  const f = `«${field}»`;
  switch (rule) {
    case 'isNotEmpty':
    case 'isDefined':
      return `Поле ${f} обязательно`;
    case 'isString':
      return `Поле ${f} должно быть строкой`;
    case 'isEmail':
      return `Поле ${f} должно быть адресом электронной почты`;
    case 'minLength':
      return `Поле ${f} должно быть не короче ${c[0]} символов`;
    case 'maxLength':
      return `Поле ${f} должно быть не длиннее ${c[0]} символов`;
    case 'isTimeZone':
      return `Поле ${f} должно быть часовым поясом IANA, например Europe/Moscow или Asia/Sakhalin`;
    case 'isUuid':
    case 'isUUID':
      return `Поле ${f} должно быть идентификатором (UUID)`;
    case 'isIn':
    case 'isEnum':
      return `Поле ${f} должно быть одним из: ${(c[0] as unknown[] | undefined)?.join(', ') ?? ''}`;
    case 'isBoolean':
      return `Поле ${f} должно быть true или false`;
    case 'isInt':
      return `Поле ${f} должно быть целым числом`;
    case 'min':
      return `Поле ${f} должно быть не меньше ${c[0]}`;
    case 'max':
      return `Поле ${f} должно быть не больше ${c[0]}`;
    case 'isISO8601':
    case 'isDateString':
      return `Поле ${f} должно быть датой и временем в формате ISO 8601`;
    case 'matches':
      return `Поле ${f} имеет неверный формат`;
    case 'isYearMonth':
      return `Поле ${f} должно быть месяцем в виде ГГГГ-ММ, например 2026-11`;
    case 'nestedValidation':
    case 'isObject':
      return `Поле ${f} должно быть объектом`;
    case 'whitelistValidation':
      return `Поле ${f} не предусмотрено`;
    default:
      return `Поле ${f} не прошло проверку «${rule}»`;
  }
}

export type { ValidationArguments };
