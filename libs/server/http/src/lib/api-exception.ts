import { HttpException } from '@nestjs/common';
import type { ApiErrorBody, FieldError } from '@vestnik/contracts';

/** An HTTP error with a stable machine `code` and a Russian `message` for people. */
export class ApiException extends HttpException {
  constructor(status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
    const body: ApiErrorBody & Record<string, unknown> = { statusCode: status, code, message, ...extra };
    super(body, status);
  }
}

export const notFound = (what = 'Объект') => new ApiException(404, 'not_found', `${what} не найден или недоступен`);
export const forbidden = (message = 'Недостаточно прав для этого действия') => new ApiException(403, 'forbidden', message);
export const conflict = (code: string, message: string) => new ApiException(409, code, message);

/** 400 `validation_failed` naming each broken rule of each field, as class-validator's answers do. */
export function validationFailed(errors: FieldError[]): ApiException {
  return new ApiException(400, 'validation_failed', `Проверьте данные: ${errors[0]?.message ?? 'неверные данные'}`, { errors });
}
